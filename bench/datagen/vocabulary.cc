#include "bench/datagen/vocabulary.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace crm::datagen {
namespace {

using v1::IndustrySection;

// Relative weight of each section A..T (enum values 1..20) in the zone's pool.
constexpr double kSectionWeights[20] = {
    0.5,  // A 农、林、牧、渔业
    0.3,  // B 采矿业
    38,   // C 制造业
    4,    // D 电力、热力、燃气及水
    2,    // E 建筑业
    6,    // F 批发和零售业
    4,    // G 交通运输、仓储和邮政业
    1,    // H 住宿和餐饮业
    18,   // I 信息传输、软件和信息技术服务业
    3,    // J 金融业
    2,    // K 房地产业
    4,    // L 租赁和商务服务业
    10,   // M 科学研究和技术服务业
    3,    // N 水利、环境和公共设施管理业
    0.5,  // O 居民服务、修理和其他服务业
    1,    // P 教育
    2,    // Q 卫生和社会工作
    2,    // R 文化、体育和娱乐业
    0,    // S 公共管理 (not a company)
    0,    // T 国际组织
};

// An industry word of a company name, the GB/T 4754 division it suggests, and
// what such a company builds in the zone (for project titles).
struct IndustryWord {
  const char* word;
  const char* division;
  const char* product;
};

constexpr IndustryWord kWordsA[] = {{"农业科技", "01", "现代农业示范园"}, {"生态农业", "05", "智慧农业基地"}};
constexpr IndustryWord kWordsB[] = {{"矿业", "09", "矿产品精深加工基地"}};
constexpr IndustryWord kWordsC[] = {
    {"智能装备", "35", "智能装备生产基地"},   {"电子科技", "39", "电子元器件生产线"},
    {"光电科技", "39", "光电器件产业化"},     {"新材料", "26", "高性能新材料生产基地"},
    {"精密机械", "34", "精密零部件制造"},     {"半导体", "39", "半导体封装测试"},
    {"新能源科技", "38", "储能电池生产基地"}, {"汽车零部件", "36", "新能源汽车零部件制造"},
    {"生物制药", "27", "生物药产业化基地"},   {"医疗器械", "35", "高端医疗器械生产基地"},
    {"锂电科技", "38", "动力电池生产基地"},   {"显示技术", "39", "新型显示面板模组"},
    {"机器人", "34", "工业机器人整机制造"},   {"仪器仪表", "40", "智能仪器仪表生产线"},
    {"微电子", "39", "集成电路设计与制造"},   {"化工新材料", "26", "电子化学品生产基地"},
};
constexpr IndustryWord kWordsD[] = {
    {"能源", "44", "分布式光伏电站"}, {"新能源", "44", "储能电站"}, {"燃气", "45", "LNG 综合能源站"}};
constexpr IndustryWord kWordsE[] = {{"建设工程", "48", "装配式建筑产业基地"}, {"建筑科技", "47", "绿色建材研发中心"}};
constexpr IndustryWord kWordsF[] = {
    {"贸易", "51", "进出口贸易总部"}, {"供应链管理", "51", "供应链结算中心"}, {"商贸", "52", "跨境电商运营中心"}};
constexpr IndustryWord kWordsG[] = {
    {"物流", "59", "智慧物流园"}, {"供应链", "58", "冷链物流中心"}, {"航运", "55", "航运总部"}};
constexpr IndustryWord kWordsH[] = {{"酒店管理", "61", "商务酒店"}, {"餐饮管理", "62", "中央厨房"}};
constexpr IndustryWord kWordsI[] = {
    {"软件", "65", "软件研发中心"},           {"信息技术", "65", "信息技术服务总部"},
    {"网络科技", "64", "互联网平台运营中心"}, {"数据科技", "65", "大数据中心"},
    {"通信技术", "63", "5G 应用创新中心"},    {"人工智能科技", "65", "人工智能创新中心"},
    {"数字科技", "65", "数字经济总部"},
};
constexpr IndustryWord kWordsJ[] = {
    {"投资", "67", "产业投资基金"}, {"融资租赁", "66", "融资租赁总部"}, {"资产管理", "67", "资产管理总部"}};
constexpr IndustryWord kWordsK[] = {{"置业", "70", "产业园区开发"}, {"产业园开发", "70", "科创产业园"}};
constexpr IndustryWord kWordsL[] = {
    {"商务服务", "72", "区域总部"}, {"企业管理", "72", "管理总部"}, {"咨询", "72", "咨询服务中心"}};
constexpr IndustryWord kWordsM[] = {
    {"检测技术", "74", "检验检测认证基地"},
    {"生物技术", "73", "生物技术研发中心"},
    {"工程技术", "74", "工程技术研究院"},
    {"科技服务", "75", "科技成果转化中心"},
};
constexpr IndustryWord kWordsN[] = {{"环保科技", "77", "固废资源化利用"}, {"水务", "76", "智慧水务"}};
constexpr IndustryWord kWordsO[] = {{"家政服务", "80", "家政服务中心"}, {"维修服务", "81", "设备维修服务中心"}};
constexpr IndustryWord kWordsP[] = {{"教育科技", "83", "职业教育实训基地"}};
constexpr IndustryWord kWordsQ[] = {{"医疗健康", "84", "专科医院"}, {"健康管理", "84", "健康管理中心"}};
constexpr IndustryWord kWordsR[] = {{"文化传媒", "86", "数字文创基地"}, {"影视", "87", "影视后期制作基地"}};
constexpr IndustryWord kWordsOther[] = {{"科技", "", "综合服务中心"}};

absl::Span<const IndustryWord> WordsOf(IndustrySection s) {
  switch (s) {
    case v1::INDUSTRY_SECTION_A:
      return kWordsA;
    case v1::INDUSTRY_SECTION_B:
      return kWordsB;
    case v1::INDUSTRY_SECTION_C:
      return kWordsC;
    case v1::INDUSTRY_SECTION_D:
      return kWordsD;
    case v1::INDUSTRY_SECTION_E:
      return kWordsE;
    case v1::INDUSTRY_SECTION_F:
      return kWordsF;
    case v1::INDUSTRY_SECTION_G:
      return kWordsG;
    case v1::INDUSTRY_SECTION_H:
      return kWordsH;
    case v1::INDUSTRY_SECTION_I:
      return kWordsI;
    case v1::INDUSTRY_SECTION_J:
      return kWordsJ;
    case v1::INDUSTRY_SECTION_K:
      return kWordsK;
    case v1::INDUSTRY_SECTION_L:
      return kWordsL;
    case v1::INDUSTRY_SECTION_M:
      return kWordsM;
    case v1::INDUSTRY_SECTION_N:
      return kWordsN;
    case v1::INDUSTRY_SECTION_O:
      return kWordsO;
    case v1::INDUSTRY_SECTION_P:
      return kWordsP;
    case v1::INDUSTRY_SECTION_Q:
      return kWordsQ;
    case v1::INDUSTRY_SECTION_R:
      return kWordsR;
    default:
      return kWordsOther;
  }
}

// The zone's city and its districts first (most enterprises register there).
constexpr Region kZoneRegions[] = {
    {"厦门", "350200"}, {"厦门", "350203"}, {"厦门", "350205"}, {"厦门", "350206"},
    {"厦门", "350211"}, {"厦门", "350212"}, {"厦门", "350213"},
};
constexpr Region kOtherRegions[] = {
    {"福州", "350100"}, {"泉州", "350500"}, {"漳州", "350600"}, {"深圳", "440300"}, {"广州", "440100"},
    {"上海", "310115"}, {"北京", "110108"}, {"杭州", "330100"}, {"苏州", "320500"}, {"南京", "320100"},
    {"成都", "510100"}, {"武汉", "420100"}, {"合肥", "340100"}, {"西安", "610100"}, {"天津", "120116"},
    {"宁波", "330200"}, {"青岛", "370200"}, {"重庆", "500000"}, {"长沙", "430100"}, {"无锡", "320200"},
};

// 字号 syllables: two (sometimes three) make a brand.
constexpr absl::string_view kBrandSyllables[] = {
    "云", "芯", "华", "创", "鑫", "源", "瑞", "博", "达", "信", "恒", "泰", "盛", "宏", "宇", "航",
    "星", "辰", "睿", "智", "联", "通", "海", "峰", "嘉", "禾", "凯", "晟", "昊", "元", "天", "中",
    "新", "维", "思", "捷", "远", "安", "康", "明", "光", "晶", "微", "极", "立", "德", "美", "万",
    "金", "宝", "隆", "兴", "弘", "毅", "卓", "越", "领", "翔", "润", "泽", "清", "和", "正", "合",
    "力", "铭", "诺", "朗", "澜", "钧", "锐", "科", "亿", "融", "驰", "腾", "屹", "永", "鹭", "启",
};

struct Syllable {
  const char* chinese;
  const char* pinyin;
};
constexpr Syllable kSurnames[] = {
    {"王", "wang"},  {"李", "li"},  {"张", "zhang"}, {"刘", "liu"},  {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"},
    {"赵", "zhao"},  {"吴", "wu"},  {"周", "zhou"},  {"徐", "xu"},   {"孙", "sun"},  {"马", "ma"},   {"朱", "zhu"},
    {"胡", "hu"},    {"郭", "guo"}, {"何", "he"},    {"林", "lin"},  {"高", "gao"},  {"罗", "luo"},  {"郑", "zheng"},
    {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"},  {"唐", "tang"}, {"许", "xu"},   {"韩", "han"},  {"冯", "feng"},
    {"邓", "deng"},  {"曹", "cao"}, {"彭", "peng"},  {"曾", "zeng"}, {"肖", "xiao"}, {"田", "tian"}, {"董", "dong"},
    {"潘", "pan"},   {"蔡", "cai"}, {"蒋", "jiang"}, {"余", "yu"},   {"苏", "su"},   {"叶", "ye"},   {"庄", "zhuang"},
};
constexpr Syllable kGivenNames[] = {
    {"伟", "wei"},  {"芳", "fang"}, {"娜", "na"},   {"敏", "min"},  {"静", "jing"}, {"丽", "li"},   {"强", "qiang"},
    {"磊", "lei"},  {"军", "jun"},  {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},  {"杰", "jie"},  {"涛", "tao"},
    {"明", "ming"}, {"超", "chao"}, {"华", "hua"},  {"慧", "hui"},  {"丹", "dan"},  {"鹏", "peng"}, {"婷", "ting"},
    {"宇", "yu"},   {"浩", "hao"},  {"欣", "xin"},  {"凯", "kai"},  {"琳", "lin"},  {"斌", "bin"},  {"雪", "xue"},
    {"峰", "feng"}, {"辉", "hui"},  {"志", "zhi"},  {"建", "jian"}, {"晓", "xiao"}, {"海", "hai"},  {"文", "wen"},
    {"国", "guo"},  {"思", "si"},   {"雨", "yu"},   {"晨", "chen"}, {"泽", "ze"},   {"颖", "ying"}, {"瑶", "yao"},
};

constexpr absl::string_view kContactTitles[] = {"董事长",     "总经理",   "副总裁",   "投资总监", "战略投资部经理",
                                                "董事会秘书", "财务总监", "行政总监", "项目经理"};

constexpr absl::string_view kDistricts[] = {"思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"};
constexpr absl::string_view kRoads[] = {
    "望海路",   "观日路",   "火炬北路", "岭兜路", "同集南路",           "翔安南路",         "新阳路", "马銮路",
    "集美大道", "云顶中路", "创新路",   "通宏路", "软件园三期诚毅大街", "信息光电园坂尚路", "翔星路", "滨海西大道"};

constexpr absl::string_view kProjectKinds[] = {"项目", "项目", "项目", "一期项目", "二期项目"};

}  // namespace

IndustrySection SampleIndustry(Rng& rng) {
  return static_cast<IndustrySection>(1 + rng.Weighted(absl::Span<const double>(kSectionWeights)));
}

const Region& SampleRegion(Rng& rng) { return rng.Chance(0.65) ? rng.Pick(kZoneRegions) : rng.Pick(kOtherRegions); }

std::string CompanyName(Rng& rng, const Region& region, IndustrySection section, std::string* brand,
                        std::string* division) {
  std::string b;
  int syllables = rng.Chance(0.12) ? 3 : 2;
  absl::string_view last;
  for (int i = 0; i < syllables; ++i) {
    absl::string_view s = rng.Pick(kBrandSyllables);
    if (s == last) s = rng.Pick(kBrandSyllables);
    absl::StrAppend(&b, s);
    last = s;
  }
  const IndustryWord& word = rng.Pick(WordsOf(section));
  std::string name = absl::StrCat(region.name, rng.Chance(0.3) ? "市" : "", b, word.word,
                                  rng.Chance(0.2) ? "股份有限公司" : "有限公司");
  if (brand != nullptr) *brand = std::move(b);
  if (division != nullptr) *division = word.division;
  return name;
}

std::string BrandOf(absl::string_view name) {
  auto strip_region = [&name](const Region& r) {
    if (absl::ConsumePrefix(&name, r.name)) {
      absl::ConsumePrefix(&name, "市");
      return true;
    }
    return false;
  };
  for (const Region& r : kZoneRegions) {
    if (strip_region(r)) break;
  }
  for (const Region& r : kOtherRegions) {
    if (strip_region(r)) break;
  }
  // Two UTF-8 characters: a character starts at every byte that is not 10xxxxxx.
  size_t end = 0;
  for (int chars = 0; end < name.size(); ++end) {
    if ((static_cast<unsigned char>(name[end]) & 0xC0) != 0x80 && chars++ == 2) break;
  }
  return std::string(name.substr(0, end));
}

PersonName SamplePerson(Rng& rng) {
  const Syllable& surname = rng.Pick(kSurnames);
  PersonName p{surname.chinese, surname.pinyin};
  int given = rng.Chance(0.6) ? 2 : 1;
  for (int i = 0; i < given; ++i) {
    const Syllable& g = rng.Pick(kGivenNames);
    absl::StrAppend(&p.chinese, g.chinese);
    absl::StrAppend(&p.pinyin, g.pinyin);
  }
  return p;
}

std::string ContactTitle(Rng& rng) { return std::string(rng.Pick(kContactTitles)); }

std::string PhoneNumber(Rng& rng) {
  if (rng.Chance(0.7)) return absl::StrFormat("1%d%09d", 3 + rng.Uniform(0, 6), rng.Uniform(0, 999'999'999));
  return absl::StrFormat("0592-%07d", rng.Uniform(5'000'000, 6'999'999));
}

std::string ZoneAddress(Rng& rng) {
  return absl::StrCat("厦门市", rng.Pick(kDistricts), rng.Pick(kRoads), rng.Uniform(1, 999), "号");
}

std::string ProjectTitle(Rng& rng, const std::string& brand, IndustrySection section) {
  return absl::StrCat(brand, rng.Pick(WordsOf(section)).product, rng.Pick(kProjectKinds));
}

std::string EventName(Rng& rng, int year) {
  constexpr absl::string_view kEvents[] = {"中国国际投资贸易洽谈会",
                                           "海峡两岸信息消费博览会（软交会）",
                                           "海创周",
                                           "厦门国际投资推介会",
                                           "数字中国建设峰会",
                                           "进博会"};
  return absl::StrCat(year, " ", rng.Pick(kEvents));
}

std::string DisqualifyReason(Rng& rng) {
  constexpr absl::string_view kReasons[] = {"企业无在厦投资计划", "投资规模不达准入标准", "产业方向与园区定位不符",
                                            "企业经营异常，暂停跟进", "已落户其他地区"};
  return std::string(rng.Pick(kReasons));
}

std::string LostNote(Rng& rng, int reason) {
  switch (reason) {
    case 1: {
      constexpr absl::string_view kCities[] = {"苏州", "合肥", "成都", "武汉", "深圳", "东莞", "宁波"};
      return absl::StrCat("投资方最终选择落户", rng.Pick(kCities), "，对方给出更优惠的土地和补贴条件");
    }
    case 2:
      return "投资方战略调整，暂缓新增产能投资";
    case 3:
      return "用地指标无法在投资方要求的期限内落实";
    case 4:
      return "扶持政策条件未能与投资方达成一致";
    case 5:
      return "投资方融资未到位，项目搁置";
    default:
      return "项目方案重大调整，终止洽谈";
  }
}

std::string ServiceRequestText(Rng& rng, int category, int year) {
  switch (category) {
    case 1:
      return rng.Chance(0.5) ? absl::StrCat("申请", year, "年度研发费用补助")
                             : absl::StrCat("协调银行授信", rng.Uniform(1, 50) * 500, "万元");
    case 2:
      return rng.Chance(0.5) ? absl::StrCat("扩产需新增用地", rng.Uniform(10, 120), "亩")
                             : absl::StrCat("需租赁标准厂房", rng.Uniform(2, 40) * 500, "平方米");
    case 3:
      return rng.Chance(0.5) ? absl::StrCat("协助引进高层次人才", rng.Uniform(1, 10), "名") : "协调员工子女入学";
    case 4:
      return rng.Chance(0.5) ? "环评审批加快办理" : "施工许可证并联审批咨询";
    case 5:
      return rng.Chance(0.5) ? "咨询高新技术企业认定政策" : "专精特新政策兑现申报指导";
    case 6:
      return rng.Chance(0.5) ? "专利快速预审通道申请" : "商标侵权维权协助";
    case 7:
      return rng.Chance(0.5) ? "对接本地龙头企业采购需求" : "申请参加软交会展位";
    default:
      return "员工通勤公交线路调整";
  }
}

std::string ResolutionText(Rng& rng) {
  constexpr absl::string_view kTexts[] = {"已协调相关部门办理完毕", "已对接并落实，企业确认",
                                          "已答复企业并提供政策解读", "已纳入专项协调会议纪要并办结"};
  return std::string(rng.Pick(kTexts));
}

}  // namespace crm::datagen
