#include "storage/proto_json.h"
#include "storage/proto_json_internal.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/field_comparator.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "crm/v1/admin_service.pb.h"
#include "crm/v1/common.pb.h"
#include "crm/v1/dashboard_service.pb.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/enterprises_service.pb.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/project_policy.pb.h"
#include "crm/v1/projects_service.pb.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/wrappers.pb.h"
#include "storage/mutation.h"
#include "storage/row_codec.h"
#include "tests/support/test_seed.h"

namespace crm {
namespace {

using proto_json_internal::AppendUtf8;

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::FileDescriptorProto;
using google::protobuf::Message;
using google::protobuf::Reflection;

// protobuf's own JSON, the oracle: proto field names (what ProtoToJson
// matches), or the default lowerCamel json names.
std::string ProtobufJson(const Message& m, bool proto_names = true) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = proto_names;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  return json;
}

// MessageDifferencer::Equals, except that NaN equals NaN.
bool SameMessage(const Message& a, const Message& b) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  return differencer.Compare(a, b);
}


// Fills messages with random values of every field kind, by reflection, with
// a bias towards the values where JSON writers go wrong.
class RandomFiller {
 public:
  explicit RandomFiller(uint32_t seed) : rng_(seed) {}

  void Fill(Message* m, int depth = 0) {
    const Descriptor* d = m->GetDescriptor();
    if (FillWellKnown(m)) return;
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      if (f->is_repeated()) {
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_map() && depth >= 2) continue;
        // Maps of several entries are left to protobuf's writer: mostly one.
        int n = f->is_map() && Chance(0.9) ? Uniform(0, 1) : Uniform(0, 3);
        for (; n > 0; --n) AddValue(m, f, depth);
      } else if (Chance(0.6)) {
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && depth >= 2) continue;
        SetValue(m, f, depth);
      }
    }
  }

  std::string String() {
    static const char* const kPieces[] = {
        "a", "Zq", " ", "招商", "引资项目", "投资总监", "\"", "\\", "/", "<", ">", "&", "=", "'", "\x7f",
        "\xf0\x9f\x98\x80",  // 😀
        "\xe2\x80\xa8",      // U+2028
        "\xef\xbb\xbf",      // U+FEFF
        "\xc2\xad",          // soft hyphen
        "\xc2\x85",          // a C1 control
        "\xf0\x9d\x85\xb3",  // U+1D173
        "\xf3\xa0\x80\x81",  // U+E0001
        "\xed\x9f\xbf",      // U+D7FF, just below the surrogates
        "\xee\x80\x80",      // U+E000, just above them
        "\xf4\x8f\xbf\xbf",  // U+10FFFF
    };
    std::string s;
    for (int n = Uniform(0, 10); n > 0; --n) {
      switch (Uniform(0, 3)) {
        case 0: s.push_back(static_cast<char>(Uniform(0, 0x1f))); break;  // controls, NUL included
        case 1: AppendUtf8(CodePoint(), &s); break;
        default: s += kPieces[Uniform(0, std::size(kPieces) - 1)];
      }
    }
    return s;
  }

  double Double() {
    static const double kSpecial[] = {
        0.0, -0.0, 0.1, 0.3, 1.5, 100, 1e21, 1e20, 1e15, 1e16, 1e-7, 1e-5, 1e-4, 2.0 / 3, 123456789012345678.0,
        9007199254740993.0, 12345678.9, -1e300, 5e-324, 2.2250738585072014e-308, std::numeric_limits<double>::max(),
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()};
    switch (Uniform(0, 3)) {
      case 0: return kSpecial[Uniform(0, std::size(kSpecial) - 1)];
      case 1: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
      case 2: return static_cast<double>(static_cast<int64_t>(rng_()) << Uniform(0, 40));
      default: {
        uint64_t bits = static_cast<uint64_t>(rng_()) << 32 | rng_();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
      }
    }
  }

  float Float() {
    if (Chance(0.5)) return static_cast<float>(Double());
    uint32_t bits = rng_();
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }

  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  std::mt19937& rng() { return rng_; }

 private:
  // Any Unicode scalar value, mostly from the BMP.
  uint32_t CodePoint() {
    for (;;) {
      uint32_t cp = Chance(0.7) ? Uniform(0x80, 0xffff) : Uniform(0x10000, 0x10ffff);
      if (cp < 0xd800 || cp > 0xdfff) return cp;
    }
  }

  int64_t Int64() {
    static const int64_t kSpecial[] = {0, 1, -1, std::numeric_limits<int64_t>::min(),
                                       std::numeric_limits<int64_t>::max(), (int64_t{1} << 53) + 1,
                                       -(int64_t{1} << 53) - 1, 1000000000000};
    if (Chance(0.4)) return kSpecial[Uniform(0, std::size(kSpecial) - 1)];
    return static_cast<int64_t>(static_cast<uint64_t>(rng_()) << 32 | rng_()) >> Uniform(0, 63);
  }

  int32_t Int32() {
    static const int32_t kSpecial[] = {0, 1, -1, std::numeric_limits<int32_t>::min(),
                                       std::numeric_limits<int32_t>::max()};
    if (Chance(0.4)) return kSpecial[Uniform(0, std::size(kSpecial) - 1)];
    return static_cast<int32_t>(rng_()) >> Uniform(0, 31);
  }

  int Enum(const FieldDescriptor* f) {
    const google::protobuf::EnumDescriptor* e = f->enum_type();
    // Open (proto3) enums keep numbers they have no name for.
    if (e->file()->syntax() == FileDescriptor::SYNTAX_PROTO3 && Chance(0.1)) return Uniform(-5, 1000);
    return e->value(Uniform(0, e->value_count() - 1))->number();
  }

  std::string SnakePath() {
    std::string path;
    for (int segment = Uniform(1, 2); segment > 0; --segment) {
      if (!path.empty()) path += '.';
      for (int word = Uniform(1, 3); word > 0; --word) {
        if (!path.empty() && path.back() != '.') path += '_';
        path += static_cast<char>('a' + Uniform(0, 25));
        for (int n = Uniform(0, 5); n > 0; --n) {
          path += static_cast<char>(Chance(0.8) ? 'a' + Uniform(0, 25) : '0' + Uniform(0, 9));
        }
      }
    }
    return path;
  }

  // Timestamp, Duration and FieldMask get valid values of their own.
  bool FillWellKnown(Message* m) {
    const Descriptor* d = m->GetDescriptor();
    const Reflection& r = *m->GetReflection();
    switch (d->well_known_type()) {
      case Descriptor::WELLKNOWNTYPE_TIMESTAMP: {
        static const int64_t kSeconds[] = {0, -1, -62135596800, 253402300799, 1700000000, 951782400};
        int64_t seconds = Chance(0.3) ? kSeconds[Uniform(0, std::size(kSeconds) - 1)]
                                      : std::uniform_int_distribution<int64_t>(-62135596800, 253402300799)(rng_);
        r.SetInt64(m, d->FindFieldByNumber(1), seconds);
        r.SetInt32(m, d->FindFieldByNumber(2), Nanos());
        return true;
      }
      case Descriptor::WELLKNOWNTYPE_DURATION: {
        int64_t seconds = std::uniform_int_distribution<int64_t>(-315576000000, 315576000000)(rng_) >> Uniform(0, 38);
        int32_t nanos = Nanos();
        if (seconds < 0 || (seconds == 0 && Chance(0.5))) nanos = -nanos;
        r.SetInt64(m, d->FindFieldByNumber(1), seconds);
        r.SetInt32(m, d->FindFieldByNumber(2), nanos);
        return true;
      }
      case Descriptor::WELLKNOWNTYPE_FIELDMASK:
        for (int n = Uniform(0, 3); n > 0; --n) r.AddString(m, d->FindFieldByNumber(1), SnakePath());
        return true;
      default:
        return false;
    }
  }

  // Whole seconds, or milli-, micro- or nanosecond precision.
  int32_t Nanos() {
    switch (Uniform(0, 3)) {
      case 0: return 0;
      case 1: return Uniform(0, 999) * 1000000;
      case 2: return Uniform(0, 999999) * 1000;
      default: return Uniform(0, 999999999);
    }
  }

  std::string Bytes() {
    std::string s;
    for (int n = Uniform(0, 10); n > 0; --n) s.push_back(static_cast<char>(rng_()));
    return s;
  }

  void SetValue(Message* m, const FieldDescriptor* f, int depth) {
    const Reflection& r = *m->GetReflection();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: r.SetInt32(m, f, Int32()); break;
      case FieldDescriptor::CPPTYPE_INT64: r.SetInt64(m, f, Int64()); break;
      case FieldDescriptor::CPPTYPE_UINT32: r.SetUInt32(m, f, static_cast<uint32_t>(Int32())); break;
      case FieldDescriptor::CPPTYPE_UINT64: r.SetUInt64(m, f, static_cast<uint64_t>(Int64())); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: r.SetDouble(m, f, Double()); break;
      case FieldDescriptor::CPPTYPE_FLOAT: r.SetFloat(m, f, Float()); break;
      case FieldDescriptor::CPPTYPE_BOOL: r.SetBool(m, f, Chance(0.5)); break;
      case FieldDescriptor::CPPTYPE_ENUM: r.SetEnumValue(m, f, Enum(f)); break;
      case FieldDescriptor::CPPTYPE_STRING:
        r.SetString(m, f, f->type() == FieldDescriptor::TYPE_BYTES ? Bytes() : String());
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE: Fill(r.MutableMessage(m, f), depth + 1); break;
    }
  }

  void AddValue(Message* m, const FieldDescriptor* f, int depth) {
    const Reflection& r = *m->GetReflection();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: r.AddInt32(m, f, Int32()); break;
      case FieldDescriptor::CPPTYPE_INT64: r.AddInt64(m, f, Int64()); break;
      case FieldDescriptor::CPPTYPE_UINT32: r.AddUInt32(m, f, static_cast<uint32_t>(Int32())); break;
      case FieldDescriptor::CPPTYPE_UINT64: r.AddUInt64(m, f, static_cast<uint64_t>(Int64())); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: r.AddDouble(m, f, Double()); break;
      case FieldDescriptor::CPPTYPE_FLOAT: r.AddFloat(m, f, Float()); break;
      case FieldDescriptor::CPPTYPE_BOOL: r.AddBool(m, f, Chance(0.5)); break;
      case FieldDescriptor::CPPTYPE_ENUM: r.AddEnumValue(m, f, Enum(f)); break;
      case FieldDescriptor::CPPTYPE_STRING:
        r.AddString(m, f, f->type() == FieldDescriptor::TYPE_BYTES ? Bytes() : String());
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE: Fill(r.AddMessage(m, f), depth + 1); break;
    }
  }

  std::mt19937 rng_;
};

// ProtoToJson must print `m` as protobuf does, through its own writer when
// `fast` (else it may fall back), and ProtoFromJson must read back `m` from
// that, and from protobuf's lowerCamel JSON.
void ExpectRoundTrip(const Message& m, bool fast = true) {
  const std::string expected = ProtobufJson(m);
  std::string json;
  if (fast) {
    ASSERT_TRUE(proto_json_internal::FastProtoToJson(m, &json)) << m.DebugString();
    ASSERT_EQ(json, expected) << m.DebugString();
  }
  ASSERT_EQ(ProtoToJson(m), expected) << m.DebugString();
  for (const std::string& text : {expected, ProtobufJson(m, false)}) {
    std::unique_ptr<Message> back(m.New());
    ASSERT_TRUE(ProtoFromJson(text, back.get())) << text;
    ASSERT_TRUE(SameMessage(m, *back)) << text << "\nread back as\n" << back->DebugString();
  }
}

void ExpectRandomRoundTrips(const Message& prototype, int count, uint32_t seed) {
  RandomFiller filler(seed);
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<Message> m(prototype.New());
    filler.Fill(m.get());
    ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(*m)) << prototype.GetTypeName() << " #" << i;
  }
}

TEST(ProtoJsonTest, MatchesProtobufOnRandomStoredAndAuditedMessages) {
  const Message* const kTypes[] = {
      &v1::Lead::default_instance(),           &v1::Activity::default_instance(),
      &v1::Contact::default_instance(),        &v1::Enterprise::default_instance(),
      &v1::Project::default_instance(),        &v1::ServiceRequest::default_instance(),
      &v1::User::default_instance(),           &v1::Unit::default_instance(),
      &v1::Token::default_instance(),          &v1::YearlyMetrics::default_instance(),
      &v1::Certification::default_instance(),  &v1::Milestone::default_instance(),
      &v1::ProjectProblem::default_instance(), &v1::CapitalArrival::default_instance(),
      &v1::UnitTarget::default_instance(),     &v1::SecretaryAssignment::default_instance(),
  };
  const testing::TestSeed base(1);
  uint32_t seed = base.value();
  for (const Message* type : kTypes) ExpectRandomRoundTrips(*type, 300, seed++);
}

// Every message of every crm.v1 file (requests, responses, policies…).
TEST(ProtoJsonTest, MatchesProtobufOnEveryCrmType) {
  const FileDescriptor* const kFiles[] = {
      v1::Contact::descriptor()->file(),           v1::Lead::descriptor()->file(),
      v1::User::descriptor()->file(),              v1::Project::descriptor()->file(),
      v1::ProjectPolicy::descriptor()->file(),     v1::Enterprise::descriptor()->file(),
      v1::EnterprisePolicy::descriptor()->file(),  v1::PipelineSummary::descriptor()->file(),
  };
  std::vector<const Descriptor*> types;
  for (const FileDescriptor* file : kFiles) {
    for (int i = 0; i < file->message_type_count(); ++i) {
      types.push_back(file->message_type(i));
      for (int j = 0; j < file->message_type(i)->nested_type_count(); ++j) {
        types.push_back(file->message_type(i)->nested_type(j));
      }
    }
  }
  ASSERT_GT(types.size(), 100u);
  const testing::TestSeed base(100);
  uint32_t seed = base.value();
  for (const Descriptor* type : types) {
    const Message* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(type);
    ASSERT_NE(prototype, nullptr) << type->full_name();
    ExpectRandomRoundTrips(*prototype, 40, seed++);
  }
}

TEST(ProtoJsonTest, PrintsTypicalLeadLikeProtobuf) {
  v1::Lead lead;
  lead.set_name("leads/42");
  lead.set_company_name("苏州某某智能科技有限公司");
  lead.set_uscc("91320594MA1XXXXX0X");
  lead.set_target_list(v1::TARGET_LIST_PRIVATE_TOP_500);
  lead.set_channel(v1::LEAD_CHANNEL_EVENT);
  lead.set_event_name("2024 软交会 <主会场> & \"分会场\"");
  lead.set_estimated_investment_cny(1500000000);
  lead.set_status(v1::LEAD_STATUS_NEW);
  v1::Contact* c = lead.add_contacts();
  c->set_display_name("王经理");
  c->set_phone("+86 138 0013 8000");
  lead.set_notes("第一行\n第二行\t\\ end");
  lead.mutable_create_time()->set_seconds(1714521600);
  lead.mutable_create_time()->set_nanos(123456000);
  lead.mutable_update_time()->set_seconds(1714521600);
  lead.set_etag("3");
  EXPECT_EQ(ProtoToJson(lead), ProtobufJson(lead));
  EXPECT_EQ(MessageToJson(lead), ProtobufJson(lead));
  EXPECT_EQ(ProtoToJson(v1::Lead()), "{}");
  ExpectRoundTrip(lead);
}

// Every Unicode scalar value, and the escapes protobuf picks for some.
TEST(ProtoJsonTest, EscapesEveryCodePointAsProtobufDoes) {
  v1::Contact contact;
  for (uint32_t start = 0; start < 0x110000; start += 0x800) {
    std::string text;
    for (uint32_t cp = start; cp < start + 0x800; ++cp) {
      if (cp < 0xd800 || cp > 0xdfff) AppendUtf8(cp, &text);
    }
    contact.set_display_name(text);
    std::string json;
    ASSERT_TRUE(proto_json_internal::FastProtoToJson(contact, &json));
    const std::string expected = ProtobufJson(contact);
    if (json != expected) {
      size_t at = std::mismatch(json.begin(), json.end(), expected.begin(), expected.end()).first - json.begin();
      FAIL() << "from U+" << std::hex << start << ": ours " << json.substr(at > 20 ? at - 20 : 0, 60)
             << "\nprotobuf's " << expected.substr(at > 20 ? at - 20 : 0, 60);
    }
    v1::Contact back;
    ASSERT_TRUE(ProtoFromJson(json, &back));
    ASSERT_EQ(back.display_name(), text);
  }
  contact.set_display_name("<a href='x'>&amp;</a> \x01\x1f\x7f \xe2\x80\xa8 \xf3\xa0\x81\x81");
  EXPECT_EQ(ProtoToJson(contact),
            R"({"display_name":"\u003ca href='x'\u003e&amp;\u003c/a\u003e \u0001\u001f\u007f \u2028 \udb40\udc41"})");
}

// Text that is not UTF-8 goes to protobuf's writer, whatever it makes of it.
TEST(ProtoJsonTest, LeavesInvalidUtf8ToProtobuf) {
  for (const char* bad : {"\x80", "a\xc3", "\xc3(", "\xc0\x80", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "\xf8\x88\x80\x80\x80", "\xff"}) {
    v1::Contact contact;
    contact.set_title(bad);
    std::string json;
    EXPECT_FALSE(proto_json_internal::FastProtoToJson(contact, &json)) << json;
    EXPECT_EQ(ProtoToJson(contact), ProtobufJson(contact));
  }
}

TEST(ProtoJsonTest, FormatsDoublesAndFloatsAsProtobufDoes) {
  RandomFiller filler(7);
  google::protobuf::DoubleValue d;
  google::protobuf::FloatValue f;
  for (int i = 0; i < 20000; ++i) {
    d.set_value(filler.Double());
    ASSERT_EQ(ProtoToJson(d), ProtobufJson(d)) << d.value();
    f.set_value(filler.Float());
    ASSERT_EQ(ProtoToJson(f), ProtobufJson(f)) << f.value();
  }
  for (float v : {FLT_MIN, std::nextafter(FLT_MIN, 0.0f), std::nextafter(FLT_MIN, 1.0f), FLT_TRUE_MIN, FLT_MAX,
                  -FLT_MAX, 1.17549e-38f, 1.1754942e-38f, 1e-45f, 0.1f, 1.0f / 3}) {
    f.set_value(v);
    EXPECT_EQ(ProtoToJson(f), ProtobufJson(f)) << v;
  }
  v1::Project p;
  p.set_land_area_mu(-0.0);  // not the default: protobuf compares the bits
  EXPECT_EQ(ProtoToJson(p), R"({"land_area_mu":-0})");
  EXPECT_EQ(ProtoToJson(p), ProtobufJson(p));
  for (double v : {0.1, 1e21, 1e-7, 2.0 / 3, 1e15, 123456789012345678.0}) {
    p.set_land_area_mu(v);
    EXPECT_EQ(ProtoToJson(p), ProtobufJson(p));
  }
  p.set_land_area_mu(1e21);
  EXPECT_EQ(ProtoToJson(p), R"({"land_area_mu":1e+21})");
  p.set_land_area_mu(std::nan(""));
  EXPECT_EQ(ProtoToJson(p), R"({"land_area_mu":"NaN"})");
}

TEST(ProtoJsonTest, FormatsTimestampsAndDurationsAsProtobufDoes) {
  google::protobuf::Timestamp ts;
  for (int64_t seconds : {int64_t{0}, int64_t{-1}, int64_t{-62135596800}, int64_t{253402300799}, int64_t{951782400},
                          int64_t{951868800}, int64_t{4107542400}, int64_t{-2208988800}}) {
    for (int32_t nanos : {0, 1, 1000, 1000000, 10000000, 999999999, 120000, 5}) {
      ts.set_seconds(seconds);
      ts.set_nanos(nanos);
      ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(ts));
    }
  }
  ts.set_seconds(1714521600);
  ts.set_nanos(500000000);
  EXPECT_EQ(ProtoToJson(ts), R"("2024-05-01T00:00:00.500Z")");
  // Out of range: protobuf's error, an empty string.
  for (auto [seconds, nanos] : {std::pair<int64_t, int32_t>{-62135596801, 0}, {253402300800, 0}, {0, -1},
                                {0, 1000000000}}) {
    ts.set_seconds(seconds);
    ts.set_nanos(nanos);
    EXPECT_EQ(ProtoToJson(ts), ProtobufJson(ts));
  }
  google::protobuf::Duration d;
  for (auto [seconds, nanos] : {std::pair<int64_t, int32_t>{0, 0}, {1, 0}, {-1, 0}, {0, -500000000}, {-1, -5000},
                                {1, 1}, {315576000000, 0}, {-315576000000, -999999999}}) {
    d.set_seconds(seconds);
    d.set_nanos(nanos);
    ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(d));
  }
  for (auto [seconds, nanos] : {std::pair<int64_t, int32_t>{315576000001, 0}, {1, -1}, {-1, 1}, {0, 1000000000}}) {
    d.set_seconds(seconds);
    d.set_nanos(nanos);
    EXPECT_EQ(ProtoToJson(d), ProtobufJson(d));
  }
}

TEST(ProtoJsonTest, FormatsFieldMasksAsProtobufDoes) {
  v1::UpdateLeadRequest request;
  request.mutable_update_mask();
  ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(request));
  EXPECT_EQ(ProtoToJson(request), R"({"update_mask":""})");
  for (const char* path : {"company_name", "contacts.display_name", "a1_b2", "notes"}) {
    request.mutable_update_mask()->add_paths(path);
  }
  ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(request));
  EXPECT_EQ(ProtoToJson(request), R"({"update_mask":"companyName,contacts.displayName,a1B2,notes"})");
  // Paths whose lowerCamel form protobuf makes up its own way go to protobuf.
  for (const char* odd : {"a__b", "_a", "a_", "a_1", "ABC", "aB", "\"a_b\"", "", "1a_b", "a.1b", "a_b1_c", "a..b"}) {
    google::protobuf::FieldMask mask;
    mask.add_paths(odd);
    mask.add_paths("x_y");
    EXPECT_EQ(ProtoToJson(mask), ProtobufJson(mask)) << odd;
    mask.mutable_paths()->SwapElements(0, 1);
    EXPECT_EQ(ProtoToJson(mask), ProtobufJson(mask)) << odd;
  }
}

// A proto3 type built at run time with every field kind crm.v1 lacks: the
// other integer encodings, float, bytes, maps, a real oneof, proto3 optional,
// Duration and the wrappers, a custom json_name, fields out of number order.
constexpr char kSinkProto[] = R"pb(
  name: "kitchen/sink.proto"
  package: "kitchen"
  syntax: "proto3"
  dependency: "google/protobuf/timestamp.proto"
  dependency: "google/protobuf/duration.proto"
  dependency: "google/protobuf/field_mask.proto"
  dependency: "google/protobuf/wrappers.proto"
  enum_type {
    name: "Color"
    value { name: "COLOR_UNSPECIFIED" number: 0 }
    value { name: "COLOR_RED" number: 1 }
    value { name: "COLOR_BLUE" number: -7 }
  }
  message_type {
    name: "Sink"
    field { name: "renamed" number: 200 type: TYPE_STRING json_name: "customName" }
    field { name: "f_int32" number: 1 type: TYPE_INT32 }
    field { name: "f_sint32" number: 2 type: TYPE_SINT32 }
    field { name: "f_sfixed32" number: 3 type: TYPE_SFIXED32 }
    field { name: "f_int64" number: 4 type: TYPE_INT64 }
    field { name: "f_sint64" number: 5 type: TYPE_SINT64 }
    field { name: "f_sfixed64" number: 6 type: TYPE_SFIXED64 }
    field { name: "f_uint32" number: 7 type: TYPE_UINT32 }
    field { name: "f_fixed32" number: 8 type: TYPE_FIXED32 }
    field { name: "f_uint64" number: 9 type: TYPE_UINT64 }
    field { name: "f_fixed64" number: 10 type: TYPE_FIXED64 }
    field { name: "f_float" number: 11 type: TYPE_FLOAT }
    field { name: "f_double" number: 12 type: TYPE_DOUBLE }
    field { name: "f_bool" number: 13 type: TYPE_BOOL }
    field { name: "f_string" number: 14 type: TYPE_STRING }
    field { name: "f_bytes" number: 15 type: TYPE_BYTES }
    field { name: "f_color" number: 16 type: TYPE_ENUM type_name: ".kitchen.Color" }
    field { name: "f_sink" number: 17 type: TYPE_MESSAGE type_name: ".kitchen.Sink" }
    field { name: "f_time" number: 18 type: TYPE_MESSAGE type_name: ".google.protobuf.Timestamp" }
    field { name: "f_duration" number: 19 type: TYPE_MESSAGE type_name: ".google.protobuf.Duration" }
    field { name: "f_mask" number: 20 type: TYPE_MESSAGE type_name: ".google.protobuf.FieldMask" }
    field { name: "w_double" number: 21 type: TYPE_MESSAGE type_name: ".google.protobuf.DoubleValue" }
    field { name: "w_float" number: 22 type: TYPE_MESSAGE type_name: ".google.protobuf.FloatValue" }
    field { name: "w_int64" number: 23 type: TYPE_MESSAGE type_name: ".google.protobuf.Int64Value" }
    field { name: "w_uint64" number: 24 type: TYPE_MESSAGE type_name: ".google.protobuf.UInt64Value" }
    field { name: "w_int32" number: 25 type: TYPE_MESSAGE type_name: ".google.protobuf.Int32Value" }
    field { name: "w_uint32" number: 26 type: TYPE_MESSAGE type_name: ".google.protobuf.UInt32Value" }
    field { name: "w_bool" number: 27 type: TYPE_MESSAGE type_name: ".google.protobuf.BoolValue" }
    field { name: "w_string" number: 28 type: TYPE_MESSAGE type_name: ".google.protobuf.StringValue" }
    field { name: "w_bytes" number: 29 type: TYPE_MESSAGE type_name: ".google.protobuf.BytesValue" }
    field { name: "r_int32" number: 30 label: LABEL_REPEATED type: TYPE_INT32 }
    field { name: "r_sfixed64" number: 31 label: LABEL_REPEATED type: TYPE_SFIXED64 }
    field { name: "r_uint64" number: 32 label: LABEL_REPEATED type: TYPE_UINT64 }
    field { name: "r_float" number: 33 label: LABEL_REPEATED type: TYPE_FLOAT }
    field { name: "r_double" number: 34 label: LABEL_REPEATED type: TYPE_DOUBLE }
    field { name: "r_bool" number: 35 label: LABEL_REPEATED type: TYPE_BOOL }
    field { name: "r_string" number: 36 label: LABEL_REPEATED type: TYPE_STRING }
    field { name: "r_bytes" number: 37 label: LABEL_REPEATED type: TYPE_BYTES }
    field { name: "r_color" number: 38 label: LABEL_REPEATED type: TYPE_ENUM type_name: ".kitchen.Color" }
    field { name: "r_sink" number: 39 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".kitchen.Sink" }
    field { name: "r_time" number: 40 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".google.protobuf.Timestamp" }
    field { name: "r_int64_value" number: 41 label: LABEL_REPEATED type: TYPE_MESSAGE
            type_name: ".google.protobuf.Int64Value" }
    field { name: "m_string_int32" number: 42 label: LABEL_REPEATED type: TYPE_MESSAGE
            type_name: ".kitchen.Sink.MStringInt32Entry" }
    field { name: "m_int64_string" number: 43 label: LABEL_REPEATED type: TYPE_MESSAGE
            type_name: ".kitchen.Sink.MInt64StringEntry" }
    field { name: "m_bool_sink" number: 44 label: LABEL_REPEATED type: TYPE_MESSAGE
            type_name: ".kitchen.Sink.MBoolSinkEntry" }
    field { name: "m_uint32_color" number: 45 label: LABEL_REPEATED type: TYPE_MESSAGE
            type_name: ".kitchen.Sink.MUint32ColorEntry" }
    field { name: "o_string" number: 46 type: TYPE_STRING oneof_index: 0 }
    field { name: "o_int64" number: 47 type: TYPE_INT64 oneof_index: 0 }
    field { name: "o_sink" number: 48 type: TYPE_MESSAGE type_name: ".kitchen.Sink" oneof_index: 0 }
    field { name: "opt_int32" number: 49 type: TYPE_INT32 oneof_index: 1 proto3_optional: true }
    field { name: "opt_double" number: 50 type: TYPE_DOUBLE oneof_index: 2 proto3_optional: true }
    field { name: "opt_string" number: 51 type: TYPE_STRING oneof_index: 3 proto3_optional: true }
    nested_type {
      name: "MStringInt32Entry"
      field { name: "key" number: 1 type: TYPE_STRING }
      field { name: "value" number: 2 type: TYPE_INT32 }
      options { map_entry: true }
    }
    nested_type {
      name: "MInt64StringEntry"
      field { name: "key" number: 1 type: TYPE_INT64 }
      field { name: "value" number: 2 type: TYPE_STRING }
      options { map_entry: true }
    }
    nested_type {
      name: "MBoolSinkEntry"
      field { name: "key" number: 1 type: TYPE_BOOL }
      field { name: "value" number: 2 type: TYPE_MESSAGE type_name: ".kitchen.Sink" }
      options { map_entry: true }
    }
    nested_type {
      name: "MUint32ColorEntry"
      field { name: "key" number: 1 type: TYPE_UINT32 }
      field { name: "value" number: 2 type: TYPE_ENUM type_name: ".kitchen.Color" }
      options { map_entry: true }
    }
    oneof_decl { name: "choice" }
    oneof_decl { name: "_opt_int32" }
    oneof_decl { name: "_opt_double" }
    oneof_decl { name: "_opt_string" }
  }
)pb";

class ProtoJsonSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const FileDescriptor* file :
         {google::protobuf::Timestamp::descriptor()->file(), google::protobuf::Duration::descriptor()->file(),
          google::protobuf::FieldMask::descriptor()->file(), google::protobuf::DoubleValue::descriptor()->file()}) {
      FileDescriptorProto proto;
      file->CopyTo(&proto);
      ASSERT_NE(pool_.BuildFile(proto), nullptr);
    }
    FileDescriptorProto proto;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kSinkProto, &proto));
    const FileDescriptor* file = pool_.BuildFile(proto);
    ASSERT_NE(file, nullptr);
    prototype_ = factory_.GetPrototype(file->FindMessageTypeByName("Sink"));
  }

  std::unique_ptr<Message> NewSink() const { return std::unique_ptr<Message>(prototype_->New()); }

  DescriptorPool pool_;
  google::protobuf::DynamicMessageFactory factory_{&pool_};
  const Message* prototype_ = nullptr;
};

TEST_F(ProtoJsonSinkTest, ProtoJsonMatchesProtobufOnEveryFieldKind) {
  RandomFiller filler(2024);
  int fast = 0;
  for (int i = 0; i < 1500; ++i) {
    std::unique_ptr<Message> m = NewSink();
    filler.Fill(m.get());
    std::string json;
    // Maps of several entries are protobuf's to print (their order is its hash table's).
    const bool expect_fast = proto_json_internal::FastProtoToJson(*m, &json);
    fast += expect_fast;
    ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(*m, expect_fast)) << "#" << i;
  }
  EXPECT_GT(fast, 100);
}

TEST_F(ProtoJsonSinkTest, ProtoJsonPrintsSetDefaultsOnlyWithPresence) {
  std::unique_ptr<Message> m = NewSink();
  const Descriptor* d = m->GetDescriptor();
  const Reflection& r = *m->GetReflection();
  r.SetInt32(m.get(), d->FindFieldByName("f_int32"), 0);
  r.SetString(m.get(), d->FindFieldByName("f_string"), "");
  r.SetInt32(m.get(), d->FindFieldByName("opt_int32"), 0);
  r.SetDouble(m.get(), d->FindFieldByName("opt_double"), 0);
  r.SetString(m.get(), d->FindFieldByName("opt_string"), "");
  r.SetInt64(m.get(), d->FindFieldByName("o_int64"), 0);
  r.MutableMessage(m.get(), d->FindFieldByName("w_int32"));
  r.MutableMessage(m.get(), d->FindFieldByName("f_time"));
  r.SetString(m.get(), d->FindFieldByName("renamed"), "x");
  const Message& entry = *r.AddMessage(m.get(), d->FindFieldByName("m_bool_sink"));
  (void)entry;
  EXPECT_EQ(ProtoToJson(*m), ProtobufJson(*m));
  EXPECT_EQ(ProtoToJson(*m),
            R"({"f_time":"1970-01-01T00:00:00Z","w_int32":0,"m_bool_sink":{"false":{}},"o_int64":"0",)"
            R"("opt_int32":0,"opt_double":0,"opt_string":"","renamed":"x"})");
  ASSERT_NO_FATAL_FAILURE(ExpectRoundTrip(*m));
}

TEST_F(ProtoJsonSinkTest, ProtoFromJsonReadsEveryForm) {
  std::unique_ptr<Message> m = NewSink();
  ASSERT_TRUE(ProtoFromJson(R"({
      "customName": "by json_name", "fInt64": 12, "f_uint64": "18446744073709551615", "f_sint32": "-3",
      "f_int32": 1e3, "f_double": "1.5", "f_float": "-Infinity", "w_double": "NaN", "f_bool": true,
      "f_color": -7, "r_color": ["COLOR_RED", 1, "COLOR_GREEN", -7], "f_bytes": "-_-_",
      "r_bytes": ["AQID", "AQI", "AQI="], "w_string": "wrapped", "w_bool": false,
      "m_string_int32": {"b": "2"}, "m_int64_string": {"-5": "minus five"},
      "m_bool_sink": {"true": {"f_int32": 7}}, "m_uint32_color": {"4294967295": "COLOR_BLUE"},
      "f_duration": "-1.5s", "f_mask": "fooBar,x.yZ", "o_sink": {}, "opt_int32": 0,
      "f_sink": null, "f_string": null, "r_int32": null, "unknown": {"deep": [1, {"x": null}, "s"]}
    })",
                            m.get()));
  EXPECT_EQ(ProtoToJson(*m),
            R"({"f_int32":1000,"f_sint32":-3,"f_int64":"12","f_uint64":"18446744073709551615",)"
            R"("f_float":"-Infinity","f_double":1.5,"f_bool":true,"f_bytes":"+/+/","f_color":"COLOR_BLUE",)"
            R"("f_duration":"-1.500s","f_mask":"fooBar,x.yZ","w_double":"NaN","w_bool":false,)"
            R"("w_string":"wrapped","r_bytes":["AQID","AQI=","AQI="],"r_color":["COLOR_RED","COLOR_RED","COLOR_BLUE"],)"
            R"("m_string_int32":{"b":2},"m_int64_string":{"-5":"minus five"},)"
            R"("m_bool_sink":{"true":{"f_int32":7}},"m_uint32_color":{"4294967295":"COLOR_BLUE"},)"
            R"("o_sink":{},"opt_int32":0,"renamed":"by json_name"})");
  ASSERT_TRUE(ProtoFromJson(R"({"m_string_int32": {"a": 1, "b": 2}})", m.get()));
  EXPECT_EQ(m->GetReflection()->FieldSize(*m, m->GetDescriptor()->FindFieldByName("m_string_int32")), 2);
  EXPECT_EQ(ProtoToJson(*m), ProtobufJson(*m));
}

TEST(ProtoJsonTest, ReadsLenientButValidForms) {
  v1::Lead lead;
  ASSERT_TRUE(ProtoFromJson(" \n{ \"companyName\" : \"\\u5f20\\u4f1f\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\\" ,"
                            "\t\"estimated_investment_cny\": -9223372036854775808, \"status\": 3,"
                            " \"industry\": \"INDUSTRY_SECTION_Z\", \"channel\": \"LEAD_CHANNEL_EVENT\","
                            " \"createTime\": \"2024-05-01T08:00:00.5+08:00\", \"delete_time\": null,"
                            " \"update_time\": \"2024-02-29T23:59:59.000000001Z\", \"extra\": [[[]], {}],"
                            " \"contacts\": [ {\"displayName\": \"张伟\", \"unknown\": true} , {} ] } \r\n",
                            &lead));
  EXPECT_EQ(lead.company_name(), "张伟😀/\b\f\n\r\t\"\\");
  EXPECT_EQ(lead.estimated_investment_cny(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_QUALIFIED);
  EXPECT_EQ(lead.industry(), v1::INDUSTRY_SECTION_UNSPECIFIED);  // an unknown name is skipped
  EXPECT_EQ(lead.channel(), v1::LEAD_CHANNEL_EVENT);
  EXPECT_EQ(lead.create_time().seconds(), 1714521600);
  EXPECT_EQ(lead.create_time().nanos(), 500000000);
  EXPECT_FALSE(lead.has_delete_time());
  EXPECT_EQ(lead.update_time().seconds(), 1709251199);
  EXPECT_EQ(lead.update_time().nanos(), 1);
  ASSERT_EQ(lead.contacts_size(), 2);
  EXPECT_EQ(lead.contacts(0).display_name(), "张伟");
  EXPECT_EQ(lead.contacts(1).ByteSizeLong(), 0u);

  v1::Certification c;
  ASSERT_TRUE(ProtoFromJson(R"({"batch_year": "2023", "etag": ""})", &c));
  EXPECT_EQ(c.batch_year(), 2023);
  ASSERT_TRUE(ProtoFromJson(R"({"batch_year": -2.5e1})", &c));
  EXPECT_EQ(c.batch_year(), -25);
}

// Malformed input: false, and the message left cleared. Wrong JSON types are
// malformed too (there is no "best effort" for a value that means nothing).
TEST(ProtoJsonTest, RefusesMalformedInput) {
  const std::string kBad[] = {
      // Not JSON, or not all of it.
      "", " ", "null", "[]", "\"x\"", "1", "{", "}", "{\"contacts\":[", R"({"contacts":[{"display_name":"x"}])",
      R"({"contacts":[{"display_name":"x)", R"({"notes":"x"} x)", "{}}", "{},", "{} {}", R"({"notes":"x",})",
      R"({"notes" "x"})", R"({"notes":"x" "etag":"y"})", "{'notes':'x'}", "{notes:\"x\"}", R"({"notes":})",
      R"({"extra":[1,]})", R"({"extra":[1 2]})", R"({"extra":{"a"}})", R"({"extra":tru})", R"({"extra":nul})",
      R"({"extra":01})", R"({"extra":1.})", R"({"extra":.5})", R"({"extra":+1})", R"({"extra":1e})",
      R"({"extra":-})", R"({"extra":NaN})", R"({"extra":Infinity})", std::string("{\"extra\":1}\0", 12),
      // Bad strings: escapes, surrogates, raw controls, invalid UTF-8.
      R"({"notes":"\x41"})", R"({"notes":"\u12"})", R"({"notes":"\uZZZZ"})", R"({"notes":"\ud800"})",
      R"({"notes":"\udc00\ud800"})", R"({"notes":"\ud800\u0041"})", R"({"notes":"\ud800x"})",
      "{\"notes\":\"a\nb\"}", "{\"notes\":\"a\tb\"}", "{\"notes\":\"\x80\"}", "{\"notes\":\"\xc0\xaf\"}",
      "{\"notes\":\"\xed\xa0\x80\"}", "{\"no\xfftes\":1}", "{\"notes\":\"\xe6\x8b\"}",
      // Wrong JSON types for the field.
      R"({"notes":5})", R"({"notes":true})", R"({"notes":{}})", R"({"notes":["x"]})",
      R"({"estimated_investment_cny":"abc"})", R"({"estimated_investment_cny":1.5})",
      R"({"estimated_investment_cny":"1.5"})", R"({"estimated_investment_cny":true})",
      R"({"estimated_investment_cny":" 1"})", R"({"estimated_investment_cny":"9223372036854775808"})",
      R"({"estimated_investment_cny":1e19})", R"({"estimated_investment_cny":[1]})",
      R"({"contacts":{}})", R"({"contacts":"x"})", R"({"contacts":[null]})", R"({"contacts":[1]})",
      R"({"contacts":[[]]})", R"({"status":true})", R"({"status":1.5})", R"({"status":{}})",
      R"({"status":2147483648})", R"({"create_time":"not a time"})", R"({"create_time":5})",
      R"({"create_time":{}})", R"({"create_time":"2023-02-29T00:00:00Z"})", R"({"create_time":"2024-01-01T00:00:00"})",
      R"({"create_time":"2024-01-01T24:00:00Z"})", R"({"create_time":"2024-01-01T00:00:00.1234567891Z"})",
      R"({"create_time":"2024-01-01T00:00:00.Z"})", R"({"create_time":"2024-01-01 00:00:00Z"})",
      R"({"create_time":"0000-12-31T00:00:00Z"})", R"({"create_time":"0001-01-01T00:00:00+00:01"})",
      R"({"create_time":"2024-01-01T00:00:00+0800"})",
  };
  for (const std::string& json : kBad) {
    v1::Lead lead;
    lead.set_notes("left over");
    lead.add_contacts()->set_display_name("left over");
    EXPECT_FALSE(ProtoFromJson(json, &lead)) << json;
    EXPECT_EQ(lead.ByteSizeLong(), 0u) << json;
  }
  const std::string kBadTyped[] = {
      R"({"in_zone":"true"})", R"({"in_zone":1})", R"({"in_zone":null,"listed":0})", R"({"tags":[true]})",
      R"({"tags":["ENTERPRISE_TAG_PRIVATE",null]})", R"({"former_names":[1]})", R"({"former_names":"x"})",
  };
  for (const std::string& json : kBadTyped) {
    v1::Enterprise e;
    e.set_company_name("left over");
    EXPECT_FALSE(ProtoFromJson(json, &e)) << json;
    EXPECT_EQ(e.ByteSizeLong(), 0u) << json;
  }
  v1::Project p;
  EXPECT_FALSE(ProtoFromJson(R"({"land_area_mu":1e400})", &p));
  EXPECT_FALSE(ProtoFromJson(R"({"land_area_mu":"abc"})", &p));
  EXPECT_FALSE(ProtoFromJson(R"({"land_area_mu":"nan"})", &p));
  EXPECT_TRUE(ProtoFromJson(R"({"land_area_mu":"-Infinity"})", &p));
  EXPECT_TRUE(std::isinf(p.land_area_mu()));
}

// Nesting is capped (at 64), so hostile input cannot overflow the stack.
TEST(ProtoJsonTest, RefusesDeepNestingWithoutRecursingIntoIt) {
  v1::Lead lead;
  EXPECT_FALSE(ProtoFromJson(std::string(100000, '['), &lead));
  EXPECT_FALSE(ProtoFromJson("{\"extra\":" + std::string(100000, '['), &lead));
  EXPECT_FALSE(ProtoFromJson("{\"extra\":" + std::string(100000, '[') + std::string(100000, ']') + "}", &lead));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_FALSE(ProtoFromJson("{\"extra\":" + objects, &lead));
  // Within the cap is fine.
  EXPECT_TRUE(ProtoFromJson("{\"extra\":" + std::string(60, '[') + std::string(60, ']') + "}", &lead));
  EXPECT_FALSE(ProtoFromJson("{\"extra\":" + std::string(64, '[') + std::string(64, ']') + "}", &lead));
}

// The JSON columns as they are in the database: written by protobuf (and now
// by ProtoToJson), or reformatted with spaces by MariaDB's JSON functions.
TEST(ProtoJsonTest, ReadsJsonColumnsAsStored) {
  const std::string kContacts =
      R"({"contacts":[{"display_name":"王经理","title":"投资总监","phone":"+86 138 0013 8000",)"
      R"("email":"wang@example.com"},{"display_name":"Li \"Lily\" Na","title":"CFO \u003cAPAC\u003e"}]})";
  v1::Lead holder;
  RepeatedFromJson(kContacts, &holder);
  ASSERT_EQ(holder.contacts_size(), 2);
  EXPECT_EQ(holder.contacts(0).display_name(), "王经理");
  EXPECT_EQ(holder.contacts(0).title(), "投资总监");
  EXPECT_EQ(holder.contacts(0).phone(), "+86 138 0013 8000");
  EXPECT_EQ(holder.contacts(0).email(), "wang@example.com");
  EXPECT_EQ(holder.contacts(1).display_name(), "Li \"Lily\" Na");
  EXPECT_EQ(holder.contacts(1).title(), "CFO <APAC>");
  EXPECT_EQ(holder.contacts(1).email(), "");
  EXPECT_EQ(MessageToJson(holder), kContacts);  // written back byte for byte

  RepeatedFromJson(R"({"contacts": [{"display_name": "王经理", "title": "投资总监"}]})", &holder);
  ASSERT_EQ(holder.contacts_size(), 1);
  EXPECT_EQ(holder.contacts(0).title(), "投资总监");

  RepeatedFromJson("{}", &holder);  // a lead without contacts
  EXPECT_EQ(holder.contacts_size(), 0);
  holder.add_contacts()->set_display_name("x");
  RepeatedFromJson("{\"contacts\":[{\"display_name\":\"x\"}", &holder);  // malformed: left empty
  EXPECT_EQ(holder.ByteSizeLong(), 0u);

  v1::Enterprise enterprise;
  RepeatedFromJson(R"({"tags":["ENTERPRISE_TAG_PRIVATE","ENTERPRISE_TAG_UNIVERSITY_SPINOFF"]})", &enterprise);
  ASSERT_EQ(enterprise.tags_size(), 2);
  EXPECT_EQ(enterprise.tags(1), v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF);
  RepeatedFromJson(R"({"former_names":["苏州甲有限公司","苏州乙（集团）有限公司"]})", &enterprise);
  EXPECT_EQ(enterprise.tags_size(), 0);
  ASSERT_EQ(enterprise.former_names_size(), 2);
  EXPECT_EQ(enterprise.former_names(1), "苏州乙（集团）有限公司");

  v1::Activity activity;
  RepeatedFromJson(R"({"participants":["张三","Bob \\ O'Neil"]})", &activity);
  ASSERT_EQ(activity.participants_size(), 2);
  EXPECT_EQ(activity.participants(1), "Bob \\ O'Neil");
}

}  // namespace
}  // namespace crm
