package io.kefu.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Where slot values come from. Each split draws from its own pool, so no held-out value ever appears in training:
 * disjoint lists of products, cities, promotion-code words and e-mail names, and disjoint sets of order numbers,
 * amounts and dates. Numbers and dates are split by a residue, not by range, so that both splits look alike (same
 * digits, same lengths, every month name): a held-out value is new, but not written in characters the model never
 * saw in training.
 */
final class SlotPools {

  /** A name written in both languages. */
  private record Bilingual(String en, String zh) {
    String in(Lang lang) {
      return lang == Lang.EN ? en : zh;
    }
  }

  private static final List<Bilingual> TRAIN_PRODUCTS = List.of(
      new Bilingual("wireless earbuds", "无线耳机"), new Bilingual("smart watch", "智能手表"),
      new Bilingual("coffee maker", "咖啡机"), new Bilingual("running shoes", "跑步鞋"),
      new Bilingual("yoga mat", "瑜伽垫"), new Bilingual("desk lamp", "台灯"),
      new Bilingual("backpack", "双肩包"), new Bilingual("rice cooker", "电饭煲"),
      new Bilingual("electric toothbrush", "电动牙刷"), new Bilingual("thermos bottle", "保温杯"),
      new Bilingual("bluetooth speaker", "蓝牙音箱"), new Bilingual("mechanical keyboard", "机械键盘"),
      new Bilingual("wool sweater", "羊毛衫"), new Bilingual("down jacket", "羽绒服"),
      new Bilingual("phone case", "手机壳"), new Bilingual("power bank", "充电宝"),
      new Bilingual("hair dryer", "吹风机"), new Bilingual("e-reader", "电子书阅读器"),
      new Bilingual("office chair", "办公椅"), new Bilingual("silk scarf", "丝巾"),
      new Bilingual("tea set", "茶具"), new Bilingual("baby stroller", "婴儿推车"),
      new Bilingual("kitchen knife set", "厨房刀具套装"), new Bilingual("computer monitor", "电脑显示器"),
      new Bilingual("water bottle", "运动水壶"), new Bilingual("winter boots", "雪地靴"),
      new Bilingual("bed sheets", "床单"), new Bilingual("toaster", "烤面包机"),
      new Bilingual("hiking poles", "登山杖"), new Bilingual("web camera", "网络摄像头"),
      new Bilingual("rain jacket", "冲锋衣"), new Bilingual("microwave", "微波炉"),
      new Bilingual("printer", "打印机"), new Bilingual("lunch box", "饭盒"),
      new Bilingual("denim jeans", "牛仔裤"), new Bilingual("bath towel", "浴巾"),
      new Bilingual("frying pan", "平底锅"), new Bilingual("floor lamp", "落地灯"),
      new Bilingual("kids bike", "儿童自行车"), new Bilingual("perfume", "香水"),
      new Bilingual("headphones", "头戴式耳机"), new Bilingual("garden hose", "浇花水管"),
      new Bilingual("pillow", "枕头"), new Bilingual("dumbbells", "哑铃"),
      new Bilingual("juicer", "榨汁机"), new Bilingual("travel suitcase", "旅行箱"),
      new Bilingual("usb cable", "数据线"), new Bilingual("curtains", "窗帘"));

  private static final List<Bilingual> HELD_OUT_PRODUCTS = List.of(
      new Bilingual("air fryer", "空气炸锅"), new Bilingual("robot vacuum", "扫地机器人"),
      new Bilingual("standing desk", "升降桌"), new Bilingual("camping tent", "露营帐篷"),
      new Bilingual("blender", "破壁机"), new Bilingual("tablet stand", "平板支架"),
      new Bilingual("gaming mouse", "游戏鼠标"), new Bilingual("humidifier", "加湿器"),
      new Bilingual("electric kettle", "电热水壶"), new Bilingual("leather wallet", "真皮钱包"),
      new Bilingual("sunglasses", "太阳镜"), new Bilingual("massage gun", "筋膜枪"));

  private static final List<Bilingual> TRAIN_CITIES = List.of(
      new Bilingual("Shanghai", "上海"), new Bilingual("Beijing", "北京"), new Bilingual("Guangzhou", "广州"),
      new Bilingual("Shenzhen", "深圳"), new Bilingual("Hangzhou", "杭州"), new Bilingual("Chengdu", "成都"),
      new Bilingual("Nanjing", "南京"), new Bilingual("Wuhan", "武汉"), new Bilingual("Suzhou", "苏州"),
      new Bilingual("Tianjin", "天津"), new Bilingual("Chongqing", "重庆"), new Bilingual("Xi'an", "西安"),
      new Bilingual("Hefei", "合肥"), new Bilingual("Jinan", "济南"), new Bilingual("Fuzhou", "福州"),
      new Bilingual("Harbin", "哈尔滨"), new Bilingual("Shenyang", "沈阳"), new Bilingual("Nanning", "南宁"));

  private static final List<Bilingual> HELD_OUT_CITIES = List.of(
      new Bilingual("Xiamen", "厦门"), new Bilingual("Qingdao", "青岛"), new Bilingual("Changsha", "长沙"),
      new Bilingual("Kunming", "昆明"), new Bilingual("Dalian", "大连"), new Bilingual("Ningbo", "宁波"));

  private static final List<String> TRAIN_PROMO_WORDS =
      List.of("SAVE", "SPRING", "FLASH", "VIP", "HAPPY", "BONUS", "EXTRA", "SUMMER", "STAR", "SUPER", "FRESH",
          "DEAL");
  private static final List<String> HELD_OUT_PROMO_WORDS = List.of("AUTUMN", "LUCKY", "MEGA", "PANDA", "GOLD", "WINTER");

  private static final List<String> TRAIN_EMAIL_NAMES = List.of(
      "lily.chen", "mark.wu", "anna.li", "tom.zhang", "jenny.liu", "kevin.zhou", "grace.lin", "david.xu",
      "amy.wang", "jack.yang", "lucy.zhao", "peter.hu", "nina.song", "eric.feng");
  private static final List<String> HELD_OUT_EMAIL_NAMES =
      List.of("olivia.he", "ryan.guo", "sophie.ma", "leo.sun", "emma.huang");

  private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");

  private static final int[] CENTS = {0, 49, 50, 95, 99};
  /** A number belongs to the held-out pool exactly when it leaves this remainder modulo {@link #MODULUS}. */
  private static final int HELD_OUT_REMAINDER = 3;
  private static final int MODULUS = 7;

  private SlotPools() {}

  /** One value for every slot, drawn from {@code split}'s pools and written for {@code lang}. */
  static Map<Slot, String> draw(Split split, Lang lang, Random random) {
    boolean train = split == Split.TRAIN;
    Map<Slot, String> values = new EnumMap<>(Slot.class);
    values.put(Slot.ORDER, String.format(Locale.ROOT, "ORD-%08d", inPool(train, 10_000_000, 90_000_000, random)));
    values.put(Slot.PRODUCT, pick(train ? TRAIN_PRODUCTS : HELD_OUT_PRODUCTS, random).in(lang));
    values.put(Slot.AMOUNT, amount(train, lang, random));
    values.put(Slot.DATE, date(train, lang, random));
    values.put(Slot.CITY, pick(train ? TRAIN_CITIES : HELD_OUT_CITIES, random).in(lang));
    values.put(Slot.PROMO, pick(train ? TRAIN_PROMO_WORDS : HELD_OUT_PROMO_WORDS, random) + (5 + 5 * random.nextInt(10)));
    values.put(Slot.EMAIL, pick(train ? TRAIN_EMAIL_NAMES : HELD_OUT_EMAIL_NAMES, random)
        + (lang == Lang.EN ? "@example.com" : "@example.cn"));
    return values;
  }

  /**
   * A number in {@code [from, from + count)} of the split's pool: held-out numbers leave {@link #HELD_OUT_REMAINDER}
   * modulo {@link #MODULUS}, train numbers any other remainder.
   */
  static int inPool(boolean train, int from, int count, Random random) {
    if (!train) {
      int first = from + Math.floorMod(HELD_OUT_REMAINDER - from, MODULUS);
      return first + MODULUS * random.nextInt((from + count - 1 - first) / MODULUS + 1);
    }
    int n = from + random.nextInt(count);
    if (Math.floorMod(n, MODULUS) == HELD_OUT_REMAINDER) {
      n = n + 1 < from + count ? n + 1 : n - 1;
    }
    return n;
  }

  /** Amounts are $5-$499 or ¥20-¥2999, the whole dollars or yuan split between the pools by remainder. */
  private static String amount(boolean train, Lang lang, Random random) {
    int cents = CENTS[random.nextInt(CENTS.length)];
    if (lang == Lang.EN) {
      return String.format(Locale.ROOT, "$%d.%02d", inPool(train, 5, 495, random), cents);
    }
    return String.format(Locale.ROOT, "¥%d.%02d", inPool(train, 20, 2980, random), cents);
  }

  /** Dates fall in any month; the day of the year decides the pool, by remainder. */
  private static String date(boolean train, Lang lang, Random random) {
    int dayOfYear = inPool(train, 0, 12 * 28, random);
    int month = 1 + dayOfYear / 28;
    int day = 1 + dayOfYear % 28;
    return lang == Lang.EN ? MONTHS.get(month - 1) + " " + day : month + "月" + day + "日";
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}
