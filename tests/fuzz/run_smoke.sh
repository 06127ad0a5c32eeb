#!/usr/bin/env bash
# Runs each libFuzzer target for a few seconds on a small seed corpus written here, and fails if
# any target finds a crash, sanitizer report or invariant violation.
# Usage: run_smoke.sh FUZZ_BIN_DIR [TARGET...]   env FUZZ_SECONDS (default 5 per target)
# A failing input is kept in FUZZ_BIN_DIR/artifacts/ for reproduction: FUZZ_BIN_DIR/TARGET FILE
set -euo pipefail
bin=${1:?usage: run_smoke.sh FUZZ_BIN_DIR [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_resident_id fuzz_uscc fuzz_documents fuzz_contact_account
                                     fuzz_date_validity fuzz_mask)
seconds=${FUZZ_SECONDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$bin/artifacts"

seed() {  # seed TARGET VALUE...
  local dir=$work/seeds/$1 i=0
  shift
  mkdir -p "$dir"
  for value in "$@"; do
    printf '%s' "$value" > "$dir/seed$i"
    i=$((i + 1))
  done
}
seed fuzz_resident_id 11010519491231002X 440524188001010014 11010519491231002x 110105194912310029 \
  810000199408230021 830000199201300022 110105199902290021 ' 1010519491231002X'
seed fuzz_uscc 91350100M000100Y43 91110108551385082Q 9144030071526726XG 91350100M000100Y44 \
  11100000000000000X 91350100m000100y43 Y1110000MA0000000A
seed fuzz_documents H12345678 M1234567801 12345678 1234567890 E12345678 EA1234567 SE1234567 \
  L898902C3 USA110801011230 911840198001011234 91184019800101123X
seed fuzz_contact_account 15012340058 '+86 150-1234-0058' zhang.san@example.com 'a@b.co' zhangsan \
  'Kxqz7295!' 'P@ssw0rd' $'zhangsan\nzhangsan2024' '密码abc12345' 1abcdef
seed fuzz_date_validity 2024-02-29 20000229 1999-02-29 0001-01-01 9999-12-31 \
  $'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e'
seed fuzz_mask 15012340058 11010519491231002X 陈静 欧阳娜娜 'John Smith' zhangsan@example.com \
  $'\xff\xfe\xe9\x99' $'\xe9\x99\x88@\xc0\xaf.cn'

failed=0
start=$(date +%s)
for t in "${targets[@]}"; do
  exe=$bin/$t
  if [ ! -x "$exe" ]; then
    echo "FAIL $t: $exe is missing (build the uia_fuzzers target)"
    failed=1
    continue
  fi
  mkdir -p "$work/corpus/$t" "$work/seeds/$t"
  log=$work/$t.log
  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=512 \
      -artifact_prefix="$bin/artifacts/$t-" -print_final_stats=1 \
      "$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "ok   $t: ${runs:-?} runs in ${seconds} s"
  else
    echo "FAIL $t (log follows; failing input under $bin/artifacts/)"
    tail -n 60 "$log"
    failed=1
  fi
done
echo "fuzz smoke: ${#targets[@]} targets in $(( $(date +%s) - start )) s"
exit $failed
