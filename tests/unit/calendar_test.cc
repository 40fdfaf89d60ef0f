#include "base/calendar.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

TEST(CalendarTest, AnIsoDayIsExactlyTheFormOfARealDay) {
  EXPECT_TRUE(IsIsoDay("2026-02-28"));
  EXPECT_TRUE(IsIsoDay("2028-02-29"));
  EXPECT_FALSE(IsIsoDay("2026-02-29"));
  EXPECT_FALSE(IsIsoDay("2026-2-3"));
  EXPECT_FALSE(IsIsoDay("2026-13-01"));
  EXPECT_FALSE(IsIsoDay(" 2026-01-01"));
  EXPECT_FALSE(IsIsoDay(""));
}

TEST(CalendarTest, DayNumbersCountFrom1970AndGoBack) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayNumber("1969-12-31"), -1);
  EXPECT_EQ(DayNumber("2026-12-07"), 20794);
  EXPECT_EQ(DayNumber("not a date"), 0);
  for (const char* day : {"1999-12-31", "2000-02-29", "2026-12-07", "2099-01-01"}) {
    EXPECT_EQ(IsoDayOfNumber(DayNumber(day)), day);
  }
}

TEST(CalendarTest, TheZoneDayIsChinaStandardTime) {
  // 2026-12-07 16:30 UTC is already the 8th in the zone.
  const absl::Time t = absl::FromCivil(absl::CivilSecond(2026, 12, 7, 16, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(ZoneDay(t), absl::CivilDay(2026, 12, 8));
  EXPECT_EQ(ZoneDay(t - absl::Hours(1)), absl::CivilDay(2026, 12, 7));
}

}  // namespace
}  // namespace crm
