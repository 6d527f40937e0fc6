package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The judge's word lists: intent keywords ({@code judge-keywords.tsv}: intent, lang, keyword) and next-step
 * markers ({@code next-step-markers.tsv}: intent or *, lang, regex).
 */
final class JudgeLexicon {
  private final Map<Lang, Map<Intent, List<String>>> keywords = new EnumMap<>(Lang.class);
  private final Map<Lang, Map<Intent, List<Pattern>>> markers = new EnumMap<>(Lang.class);

  private JudgeLexicon() {}

  /** Loads both resources; every intent needs at least one keyword per language. */
  static JudgeLexicon load() {
    JudgeLexicon lexicon = new JudgeLexicon();
    for (String[] row : ResourceTsv.read("judge-keywords.tsv", 3)) {
      lexicon.keywords.computeIfAbsent(Lang.valueOf(row[1]), l -> new EnumMap<>(Intent.class))
          .computeIfAbsent(Intent.valueOf(row[0]), i -> new ArrayList<>()).add(row[2].toLowerCase(Locale.ROOT));
    }
    for (String[] row : ResourceTsv.read("next-step-markers.tsv", 3)) {
      Lang lang = Lang.valueOf(row[1]);
      List<Intent> scope = row[0].equals("*") ? List.of(Intent.values()) : List.of(Intent.valueOf(row[0]));
      Pattern pattern = Pattern.compile(row[2], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      for (Intent intent : scope) {
        lexicon.markers.computeIfAbsent(lang, l -> new EnumMap<>(Intent.class))
            .computeIfAbsent(intent, i -> new ArrayList<>()).add(pattern);
      }
    }
    for (Lang lang : Lang.values()) {
      for (Intent intent : Intent.values()) {
        if (lexicon.keywords.getOrDefault(lang, Map.of()).getOrDefault(intent, List.of()).isEmpty()) {
          throw new IllegalStateException("judge-keywords.tsv has no " + lang + " keyword for " + intent);
        }
      }
    }
    return lexicon;
  }

  /** The intent with strictly the most distinct keywords in {@code text}; empty when none or tied. */
  Optional<Intent> bestIntent(String text, Lang lang) {
    String lower = text.toLowerCase(Locale.ROOT);
    Intent best = null;
    int bestHits = 0;
    boolean tied = false;
    for (Map.Entry<Intent, List<String>> entry : keywords.get(lang).entrySet()) {
      int hits = (int) entry.getValue().stream().filter(lower::contains).count();
      if (hits > bestHits) {
        best = entry.getKey();
        bestHits = hits;
        tied = false;
      } else if (hits == bestHits && hits > 0) {
        tied = true;
      }
    }
    return tied || best == null ? Optional.empty() : Optional.of(best);
  }

  /** Whether {@code text} holds a next-step marker valid for {@code intent} in {@code lang}. */
  boolean hasMarker(Intent intent, String text, Lang lang) {
    return markers.getOrDefault(lang, Map.of()).getOrDefault(intent, List.of()).stream()
        .anyMatch(pattern -> pattern.matcher(text).find());
  }
}
