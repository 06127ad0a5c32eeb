// The read cache's promise: an entry counts only while nothing has been written since its fill
// began, and never past its time-to-live or the end it was given.
#include <gtest/gtest.h>

#include "runtime/read_cache.h"

namespace uia::runtime {
namespace {

TEST(ReadCache, AnswersWhatWasStoredUntilAWriteCommits) {
  ReadCache cache(5);
  const auto generation = cache.generation();
  cache.store("k", generation, "v", 100, 1000);
  EXPECT_EQ(cache.find("k", 100).value_or(""), "v");
  EXPECT_FALSE(cache.find("other", 100));
  cache.invalidate_all();
  EXPECT_FALSE(cache.find("k", 100));
}

TEST(ReadCache, AFillThatRacedAWriteIsNeverKept) {
  ReadCache cache(5);
  const auto before_read = cache.generation();
  cache.invalidate_all();  // a write commits while the fill is reading
  cache.store("k", before_read, "stale", 100, 1000);
  EXPECT_FALSE(cache.find("k", 100));
}

TEST(ReadCache, EndsAtTheTimeToLiveOrTheGivenEndWhicheverIsFirst) {
  ReadCache cache(5);
  cache.store("a", cache.generation(), "v", 100, 1000);
  EXPECT_TRUE(cache.find("a", 104));
  EXPECT_FALSE(cache.find("a", 105));
  cache.store("b", cache.generation(), "v", 100, 102);  // e.g. the session idles out at 102
  EXPECT_TRUE(cache.find("b", 101));
  EXPECT_FALSE(cache.find("b", 102));
  cache.store("c", cache.generation(), "v", 100, 100);  // already over: not kept
  EXPECT_FALSE(cache.find("c", 100));
}

TEST(ReadCache, ZeroTimeToLiveTurnsItOff) {
  ReadCache cache(0);
  cache.store("k", cache.generation(), "v", 100, 1000);
  EXPECT_FALSE(cache.find("k", 100));
}

TEST(ReadCache, AFullCacheStartsOverInsteadOfGrowing) {
  ReadCache cache(5, 3);
  for (const char* key : {"a", "b", "c", "d"}) cache.store(key, cache.generation(), key, 100, 1000);
  EXPECT_FALSE(cache.find("a", 100));
  EXPECT_EQ(cache.find("d", 100).value_or(""), "d");
}

}  // namespace
}  // namespace uia::runtime
