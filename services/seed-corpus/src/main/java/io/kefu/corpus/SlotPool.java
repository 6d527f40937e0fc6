package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Slot values per split, disjoint between TRAIN and HELD_OUT: order numbers, amounts and dates come from
 * different numeric ranges, products, cities and promo codes from different lists ({@code slots.tsv}).
 */
final class SlotPool {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  /** Values listed in {@code slots.tsv}, by split, slot and language; promo codes are filed under both languages. */
  private final Map<Split, Map<Slot, Map<Lang, List<String>>>> listed = new EnumMap<>(Split.class);

  private SlotPool() {}

  /** Loads the listed values and checks each split has its own. */
  static SlotPool load() {
    SlotPool pool = new SlotPool();
    for (String[] row : ResourceTsv.read("slots.tsv", 4)) {
      Slot slot = Slot.ofKey(row[0]);
      Split split = Split.valueOf(row[1]);
      List<Lang> langs = row[2].equals("*") ? List.of(Lang.values()) : List.of(Lang.valueOf(row[2]));
      for (Lang lang : langs) {
        pool.listed.computeIfAbsent(split, s -> new EnumMap<>(Slot.class))
            .computeIfAbsent(slot, s -> new EnumMap<>(Lang.class))
            .computeIfAbsent(lang, l -> new ArrayList<>()).add(row[3]);
      }
    }
    for (Split split : Split.values()) {
      for (Slot slot : List.of(Slot.PRODUCT, Slot.CITY, Slot.CODE)) {
        for (Lang lang : Lang.values()) {
          int size = pool.listed.getOrDefault(split, Map.of()).getOrDefault(slot, Map.of()).getOrDefault(lang, List.of()).size();
          if (size < 4) {
            throw new IllegalStateException("slots.tsv lists " + size + " " + slot.key() + " values for " + split + " " + lang
                + ", needs >= 4");
          }
        }
      }
    }
    return pool;
  }

  /** One value for every slot, drawn for {@code split} and written for {@code lang}. */
  Map<String, String> draw(Split split, Lang lang, Random random) {
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put(Slot.ORDER.key(), orderNumber(split, random));
    slots.put(Slot.PRODUCT.key(), pick(split, Slot.PRODUCT, lang, random));
    slots.put(Slot.AMOUNT.key(), amount(split, lang, random));
    slots.put(Slot.DATE.key(), date(split, lang, random));
    slots.put(Slot.CITY.key(), pick(split, Slot.CITY, lang, random));
    slots.put(Slot.CODE.key(), pick(split, Slot.CODE, lang, random));
    return slots;
  }

  /** All listed values of one slot in one split (both languages), for disjointness checks. */
  List<String> listed(Split split, Slot slot) {
    return listed.get(split).get(slot).values().stream().flatMap(List::stream).distinct().toList();
  }

  /** ORD- and eight digits: TRAIN from 10000000..49999999, HELD_OUT from 70000000..99999999. */
  static String orderNumber(Split split, Random random) {
    int base = split == Split.TRAIN ? 10_000_000 : 70_000_000;
    int span = split == Split.TRAIN ? 40_000_000 : 30_000_000;
    return String.format(Locale.ROOT, "ORD-%08d", base + random.nextInt(span));
  }

  /** TRAIN amounts lie in 5.00..299.99, HELD_OUT in 300.00..999.99; ZH writes ¥49.99 or 49.99元. */
  private static String amount(Split split, Lang lang, Random random) {
    int cents = split == Split.TRAIN ? 500 + random.nextInt(29_500) : 30_000 + random.nextInt(70_000);
    String number = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    if (lang == Lang.EN) {
      return "$" + number;
    }
    return random.nextBoolean() ? "¥" + number : number + "元";
  }

  /** TRAIN dates fall in January..June, HELD_OUT in July..December; days 1..28. */
  private static String date(Split split, Lang lang, Random random) {
    int month = (split == Split.TRAIN ? 1 : 7) + random.nextInt(6);
    int day = 1 + random.nextInt(28);
    return lang == Lang.EN ? MONTHS[month - 1] + " " + day : month + "月" + day + "日";
  }

  private String pick(Split split, Slot slot, Lang lang, Random random) {
    List<String> values = listed.get(split).get(slot).get(lang);
    return values.get(random.nextInt(values.size()));
  }
}
