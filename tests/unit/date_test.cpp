#include <gtest/gtest.h>

#include "policy/date.h"

namespace uia {
namespace {

TEST(Date, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(1600));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_FALSE(is_leap_year(2023));
}

TEST(Date, DaysInMonth) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_EQ(days_in_month(2023, 0), 0);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(Date, ValidDates) {
  EXPECT_TRUE(is_valid_date(2000, 2, 29));
  EXPECT_FALSE(is_valid_date(1999, 2, 29));
  EXPECT_FALSE(is_valid_date(2000, 2, 30));
  EXPECT_FALSE(is_valid_date(1900, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_FALSE(is_valid_date(2023, 0, 1));
  EXPECT_FALSE(is_valid_date(2023, 13, 1));
  EXPECT_FALSE(is_valid_date(2023, 1, 0));
  EXPECT_FALSE(is_valid_date(0, 1, 1));
  EXPECT_TRUE(is_valid_date(1, 1, 1));
  EXPECT_TRUE(is_valid_date(9999, 12, 31));
  EXPECT_FALSE(is_valid_date(10000, 1, 1));
}

TEST(Date, Parse) {
  EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date("1949-10-01"), (Date{1949, 10, 1}));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2024-2-29"));
  EXPECT_FALSE(parse_date("2024/02/29"));
  EXPECT_FALSE(parse_date(" 2024-02-29"));
  EXPECT_FALSE(parse_date("2024-02-29 "));
  EXPECT_FALSE(parse_date("+024-02-29"));
  EXPECT_FALSE(parse_date("2024-0a-29"));
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("20240229"));
  EXPECT_EQ(parse_date("20240229", true), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date("2024-02-29", true), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_date("20230229", true));
  EXPECT_FALSE(parse_date("2024022", true));
  EXPECT_FALSE(parse_date("0000-01-01"));
}

TEST(Date, Format) {
  EXPECT_EQ(format_date({2024, 2, 29}), "2024-02-29");
  EXPECT_EQ(format_date({5, 1, 9}), "0005-01-09");
  EXPECT_EQ(format_date({1949, 10, 1}), "1949-10-01");
  for (const char* s : {"2024-02-29", "1880-01-01", "9999-12-31", "0001-01-01"})
    EXPECT_EQ(format_date(*parse_date(s)), s);
}

TEST(Date, DaysFromCivil) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil({2000, 1, 1}), 10957);
  EXPECT_EQ(days_from_civil({1900, 1, 1}), -25567);
  EXPECT_EQ(civil_from_days(0), (Date{1970, 1, 1}));
  EXPECT_EQ(civil_from_days(11016), (Date{2000, 2, 29}));
}

TEST(Date, CivilRoundTripAndOrder) {
  // Every day from 1800 to 2200: consecutive, valid, and the inverse of each other.
  const long first = days_from_civil({1800, 1, 1});
  const long last = days_from_civil({2200, 12, 31});
  Date prev = civil_from_days(first - 1);
  for (long d = first; d <= last; ++d) {
    const Date c = civil_from_days(d);
    ASSERT_TRUE(is_valid_date(c.year, c.month, c.day)) << d;
    ASSERT_EQ(days_from_civil(c), d);
    ASSERT_LT(prev, c);
    prev = c;
  }
}

TEST(Date, AddYears) {
  EXPECT_EQ(add_years({2015, 3, 1}, 10), (Date{2025, 3, 1}));
  EXPECT_EQ(add_years({2020, 2, 29}, 1), (Date{2021, 2, 28}));
  EXPECT_EQ(add_years({2020, 2, 29}, 4), (Date{2024, 2, 29}));
  EXPECT_EQ(add_years({2096, 2, 29}, 4), (Date{2100, 2, 28}));
  EXPECT_EQ(add_years({2021, 12, 31}, 20), (Date{2041, 12, 31}));
}

TEST(Date, AgeOn) {
  EXPECT_EQ(age_on({2000, 6, 15}, {2016, 6, 14}), 15);
  EXPECT_EQ(age_on({2000, 6, 15}, {2016, 6, 15}), 16);
  EXPECT_EQ(age_on({2000, 6, 15}, {2016, 12, 31}), 16);
  EXPECT_EQ(age_on({2000, 6, 15}, {2000, 6, 15}), 0);
  EXPECT_EQ(age_on({2000, 12, 31}, {2001, 1, 1}), 0);
}

TEST(Date, AgeOnLeapDayBirthday) {
  const Date born{2000, 2, 29};
  EXPECT_EQ(age_on(born, {2001, 2, 28}), 0);
  EXPECT_EQ(age_on(born, {2001, 3, 1}), 1);
  EXPECT_EQ(age_on(born, {2004, 2, 28}), 3);
  EXPECT_EQ(age_on(born, {2004, 2, 29}), 4);
  EXPECT_EQ(age_on(born, {2018, 2, 28}), 17);
  EXPECT_EQ(age_on(born, {2018, 3, 1}), 18);
}

TEST(Date, Comparison) {
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_EQ((Date{2024, 1, 1}), (Date{2024, 1, 1}));
}

}  // namespace
}  // namespace uia
