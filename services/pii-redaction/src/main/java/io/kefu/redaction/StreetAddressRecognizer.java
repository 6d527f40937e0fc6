package io.kefu.redaction;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds street addresses in the two shapes customers type most.
 *
 * <p>English: house number (12, 221B, 12-14), one to four capitalised name words (or ordinals like 42nd), a
 * street suffix (Street/St, Avenue/Ave, Road/Rd, Boulevard/Blvd, Lane/Ln, Drive/Dr, Court, Place, Way, Loop,
 * ...), an optional compass suffix (NW) and an optional unit (Apt 4B, Suite 200, #12). City, state and postal
 * code after a comma are kept.
 *
 * <p>Chinese: optional province (...省/自治区), city (...市), district or county (...区/县) and township
 * (...街道/镇/乡), then a road (...路/街/大道/巷/胡同, or ...道 after a division), an optional section (五段), a
 * number with 号 and optional lane, building, unit and room parts; traditional characters are accepted. Since
 * Chinese has no spaces, the address is taken to start after the nearest char that introduces rather than
 * names a place (我, 是, 在, 到, 址, 寄, 送, ...).
 */
final class StreetAddressRecognizer implements Recognizer {
  private static final String NAME_WORD = "(?:[A-Z][A-Za-z'-]*|\\d{1,3}(?:st|nd|rd|th))";
  // "Hard Drive", "Flash Drive" are products, not streets.
  private static final String NOT_A_PRODUCT =
      "(?<!(?:Hard|Flash|USB|Thumb|Disk|Disc|Pen|State|Test|Optical|External) )";
  private static final String SUFFIX =
      "(?i:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Way"
          + "|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Crescent|Close|Loop|Plaza|Alley)(?![A-Za-z])";
  private static final String UNIT =
      "(?:\\.?,? *(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|#)\\.? *#?[A-Za-z0-9][A-Za-z0-9-]*)";
  private static final String ENGLISH =
      "(?<![A-Za-z0-9])\\d{1,6}(?:-\\d{1,4})?[A-Z]? +"
          + "(?:" + NAME_WORD + " +){1,4}"
          + NOT_A_PRODUCT + SUFFIX
          + "(?: +(?:NE|NW|SE|SW|N|S|E|W)(?![A-Za-z]))?"
          + UNIT + "?";

  // Chars that introduce an address rather than belong to it; 成 only starts 成都/成华.
  private static final String STOP = "我你您他她它们是的在到于为址住寄送往请给至帮把收改家了吗呢吧";
  // Division names do not contain division suffixes, so "园区杭州市" yields 杭州市, not 园区杭州市.
  private static final String DIVISION_CHAR =
      "(?:成(?=都|华)|[\\u4e00-\\u9fff&&[^" + STOP + "成省市区區县縣]])";
  private static final String PROVINCE = DIVISION_CHAR + "{2,7}?(?:省|自治区|自治區)";
  private static final String CITY = DIVISION_CHAR + "{2,5}?市";
  private static final String DISTRICT = DIVISION_CHAR + "{1,4}?(?:区|區|县|縣|旗)";
  // Road names do not run through a city or county name; 市/县 may only open one (市府路, 县前街).
  private static final String ROAD_CHAR =
      "(?:成(?=都|华)|[\\u4e00-\\u9fff&&[^" + STOP + "成省市县縣]])";
  private static final String ROAD_NAME = "(?:[市县縣]" + ROAD_CHAR + "{1,12}?|" + ROAD_CHAR + "{2,12}?)";
  private static final String TOWNSHIP = DIVISION_CHAR + "{2,6}?(?:街道|镇|鎮|乡|鄉)";
  private static final String ADMIN =
      "(?:(?:" + PROVINCE + "(?:" + CITY + "){0,2}(?:" + DISTRICT + ")?"
          + "|(?:" + CITY + "){1,2}(?:" + DISTRICT + ")?"
          + "|" + DISTRICT + ")(?:" + TOWNSHIP + ")?)";
  // Anchored by a division, a road name may be long (科技园南区高新南七道).
  private static final String ROAD_AFTER_ADMIN = ROAD_NAME + "(?:大道|路|街|道|巷|弄|胡同)";
  // A bare ...道 without a city or district is too often an ordinary word (知道, 通道).
  private static final String ROAD_ALONE = ROAD_NAME + "(?:大道|路|街|巷|胡同)";
  private static final String SECTION = "(?:[一二三四五六七八九十\\d]{1,3}段)?";
  private static final String NUMBER = "\\d{1,5}(?:-\\d{1,4})?(?:(?:巷|弄)\\d{1,4}){0,2}(?:号|號)";
  private static final String CN_UNIT =
      "(?:[A-Za-z\\d]{1,4}(?:号楼|號樓|栋|棟|幢|座))?(?:\\d{1,3}单元)?(?:\\d{1,5}(?:室|房))?";
  private static final String CHINESE =
      "(?:" + ADMIN + ROAD_AFTER_ADMIN + "|" + ROAD_ALONE + ")" + SECTION + NUMBER + CN_UNIT;

  // The full Chinese pattern backtracks at every CJK char; a text without a road-number core has no address.
  private static final Pattern CHINESE_CORE =
      Pattern.compile("(?:路|街|道|巷|胡同)" + SECTION + NUMBER);

  private final Recognizer english = new PatternRecognizer(PiiType.STREET_ADDRESS, ENGLISH);
  private final Recognizer chinese = new PatternRecognizer(PiiType.STREET_ADDRESS, CHINESE);

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (Chars.longestDigitRun(text, "") == 0) {
      return;
    }
    english.findAll(text, sink);
    if (CHINESE_CORE.matcher(text).find()) {
      chinese.findAll(text, sink);
    }
  }
}
