#!/usr/bin/env bash
# Checks ess's proof artefacts with Go and golang.org/x/mod only (shared/spec/PROOFS.md §8), through
# Tools/audit/go/esscheck, our small verifier built on Debian's packages in GOPATH mode.
#
#   bash Tools/audit/go/check-vectors.sh [DIR]
#
# 1. Installs golang-go and golang-golang-x-mod-dev with apt-get when missing (as root or through sudo).
# 2. Builds esscheck into a temporary folder (nothing is written into the repository).
# 3. Checks every file of Tools/audit/vectors/ (PROOFS.md §7), expecting success, and negative cases
#    derived from them in the temporary folder (a changed event, a flipped hash or signature byte,
#    a wrong `old N`, a 31-byte hash), expecting failure with the right exit status.
# 4. DIR, optional: more artefacts to check, such as those ess writes for its demo journal in CI.
#    Each file present is checked (at least one must be):
#      DIR/log.vkey          the log's verifier key (required)
#      DIR/witness.vkey      optional: then its cosignature is required on DIR/checkpoint and in the proofs
#      DIR/checkpoint        the latest checkpoint
#      DIR/*.proof           c2sp.org/tlog-proof@v1 inclusion proofs (`ess prove`)
#      DIR/*.request         consistency requests (`ess consistency`), checked from DIR/old.checkpoint
#      DIR/lines.jsonl       the journal's lines (`lz4 -dc journal/segments/*.lz4`): the root of its
#                            first S lines must be the one DIR/checkpoint signs
#      DIR/*.receipt         bilan receipts, with DIR/publisher.vkey, each checked against the file
#                            named like it without `.receipt` (bilan-2022.json.receipt → bilan-2022.json)
#
# Prints one line per check, then "N passed, M failed"; exits 1 if a check failed, 2 if it could not run.
set -u -o pipefail

die() { echo "check-vectors: $*" >&2; exit 2; }

extra=""
if [ $# -gt 1 ]; then die "usage: check-vectors.sh [DIR]"; fi
if [ $# -eq 1 ]; then extra=$(cd "$1" 2>/dev/null && pwd) || die "$1 is not a folder"; fi
cd "$(dirname "$0")/../../.." || die "cannot find the repository"
V=Tools/audit/vectors
[ -f "$V/log.vkey" ] || die "no $V/log.vkey: run from an ess checkout"

# --- Go and x/mod, from Debian, installed only when missing -----------------------------------------
GOCODE=/usr/share/gocode
packages=()
command -v go >/dev/null 2>&1 || packages+=(golang-go)
[ -d "$GOCODE/src/golang.org/x/mod/sumdb/tlog" ] || packages+=(golang-golang-x-mod-dev)
if [ ${#packages[@]} -gt 0 ]; then
  echo "== installing ${packages[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "${packages[*]} must be installed, and this user is not root and has no sudo"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" \
    || die "apt-get could not install ${packages[*]}"
fi

# --- build -------------------------------------------------------------------------------------------
T=$(mktemp -d) || die "mktemp failed"
trap 'rm -rf "$T"' EXIT
start=$(date +%s.%N)
GO111MODULE=off GOFLAGS= GOPATH="$T/gopath:$GOCODE" GOCACHE="${GOCACHE:-$T/gocache}" \
  go build -o "$T/esscheck" ./Tools/audit/go/esscheck || die "go build failed"
echo "built esscheck with $(go version | cut -d' ' -f3) and x/mod $(dpkg-query -W -f='${Version}' golang-golang-x-mod-dev 2>/dev/null) in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
E="$T/esscheck"

# --- checks ------------------------------------------------------------------------------------------
passed=0
failed=0
# check NAME WANT [PATTERN] -- COMMAND...: WANT is an exit status or "nz" (any failure); PATTERN, if
# given, must occur in stderr. Stdout is kept in $T/out.
check() {
  local name=$1 want=$2 pattern="" rc msg ok=1
  shift 2
  if [ "$1" != "--" ]; then pattern=$1; shift; fi
  shift
  "$@" >"$T/out" 2>"$T/err"
  rc=$?
  msg=$(head -n 1 "$T/err")
  msg=${msg//"$T/"/}
  case $want in
    nz) [ $rc -ne 0 ] || ok=0 ;;
    *) [ $rc -eq "$want" ] || ok=0 ;;
  esac
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$T/err"; then ok=0; fi
  if [ $ok -eq 1 ]; then
    passed=$((passed + 1))
    echo "ok    $name: exit $rc${msg:+ ($msg)}"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: exit $rc, expected ${want/nz/non-zero}${pattern:+ with \"$pattern\"}${msg:+ ($msg)}"
  fi
}
made() { # made FILE ORIGINAL: a derived case must differ from the vector it comes from
  cmp -s "$1" "$2" || return 0
  failed=$((failed + 1)); echo "FAIL  could not derive ${1##*/} from $2"; return 1
}
same() { # same NAME FILE1 FILE2
  if cmp -s "$2" "$3"; then passed=$((passed + 1)); echo "ok    $1"
  else failed=$((failed + 1)); echo "FAIL  $1"; fi
}

LOG=(-vkey "$V/log.vkey")
WIT=(-witness "$V/witness.vkey")
CP2="$V/00000000000000000002.checkpoint"
CP3="$V/00000000000000000003.checkpoint"

# The vectors as they are: all verify.
check "checkpoint 2, log signature" 0 -- "$E" checkpoint "$CP2" "${LOG[@]}"
check "checkpoint 3, log signature and witness cosignature" 0 -- "$E" checkpoint "$CP3" "${LOG[@]}" "${WIT[@]}"
check "prove-2.proof, inclusion of seq 2 in tree 3, cosigned" 0 -- "$E" proof "$V/prove-2.proof" "${LOG[@]}" "${WIT[@]}"
sed -n 2p "$V/journal.jsonl" >"$T/line2"
same "prove-2.proof prints line 2 of journal.jsonl" "$T/out" "$T/line2"
check "consistency-2-3.request from checkpoint 2" 0 -- "$E" consistency "$CP2" "$V/consistency-2-3.request" "${LOG[@]}" "${WIT[@]}"
check "journal.jsonl gives root 3 of checkpoint 3" 0 -- "$E" root "$V/journal.jsonl" -checkpoint "$CP3" "${LOG[@]}"
check "journal.jsonl (stdin), first 2 lines give root 2" 0 -- sh -c '"$1" root - -checkpoint "$2" -vkey "$3" <"$4"' sh "$E" "$CP2" "$V/log.vkey" "$V/journal.jsonl"
if [ -f "$V/bilan-2022.json" ]; then
  check "bilan-2022.receipt, publisher signature and bilan-2022.json" 0 -- "$E" receipt "$V/bilan-2022.receipt" "$V/bilan-2022.json" -vkey "$V/publisher.vkey"
fi
# The bilan's bytes are not among the vectors: the signature must verify, then the SHA-256 differ.
check "bilan-2022.receipt signed by the publisher (file: journal.jsonl, not the bilan)" 1 "the file's SHA-256 is" -- \
  "$E" receipt "$V/bilan-2022.receipt" "$V/journal.jsonl" -vkey "$V/publisher.vkey"

# Derived cases.
N="$T/neg"
mkdir -p "$N"
flip_char() { # flip_char STRING POS: the string with its character at POS (0-based) changed
  local s=$1 p=$2 c=${1:$2:1}
  [ "$c" = A ] && c=B || c=A
  printf '%s' "${s:0:p}$c${s:p+1}"
}
flip_byte() { # flip_byte BASE64 OFFSET: base64 of the bytes with bit 0 of byte OFFSET flipped
  printf '%s' "$1" | base64 -d >"$T/bytes"
  local b
  b=$(od -An -tu1 -j "$2" -N1 "$T/bytes" | tr -d ' ')
  printf "\\$(printf '%03o' $((b ^ 1)))" | dd of="$T/bytes" bs=1 seek="$2" conv=notrunc 2>/dev/null
  base64 -w0 <"$T/bytes"
}

check "same size: old 3 from checkpoint 3, empty proof" 0 -- sh -c 'printf "old 3\n\n" >"$1"; cat "$2" >>"$1"; "$3" consistency "$2" "$1" -vkey "$4"' \
  sh "$N/same-3.request" "$CP3" "$E" "$V/log.vkey"

extra64=$(sed -n 's/^extra //p' "$V/prove-2.proof")
new64=$(printf '%s' "$extra64" | base64 -d | sed 's/"books":4265}/"books":4266}/' | base64 -w0)
sed "s|^extra .*|extra $new64|" "$V/prove-2.proof" >"$N/extra-4266.proof"
made "$N/extra-4266.proof" "$V/prove-2.proof" &&
  check "4265 -> 4266 inside extra" 1 -- "$E" proof "$N/extra-4266.proof" "${LOG[@]}" "${WIT[@]}"

h1=$(sed -n 4p "$V/prove-2.proof")
awk -v h="$(flip_char "$h1" 10)" 'NR == 4 { print h; next } { print }' "$V/prove-2.proof" >"$N/hash-flipped.proof"
made "$N/hash-flipped.proof" "$V/prove-2.proof" &&
  check "a character of a proof hash changed" 1 -- "$E" proof "$N/hash-flipped.proof" "${LOG[@]}" "${WIT[@]}"

awk -v h="$(printf '%s' "$h1" | base64 -d | head -c 31 | base64 -w0)" 'NR == 4 { print h; next } { print }' "$V/prove-2.proof" >"$N/hash-31.proof"
made "$N/hash-31.proof" "$V/prove-2.proof" &&
  check "a proof hash of 31 bytes" 2 -- "$E" proof "$N/hash-31.proof" "${LOG[@]}" "${WIT[@]}"

sed '1s/^old 2$/old 1/' "$V/consistency-2-3.request" >"$N/old-1.request"
made "$N/old-1.request" "$V/consistency-2-3.request" &&
  check "request says old 1, OLD is checkpoint 2" nz -- "$E" consistency "$CP2" "$N/old-1.request" "${LOG[@]}"

cosig=$(sed -n 's/^— example.org\/ess\/test-witness //p' "$CP3")
bad=$(flip_byte "$cosig" 40)
sed "s|$cosig|$bad|" "$CP3" >"$N/cosig-flipped.checkpoint"
made "$N/cosig-flipped.checkpoint" "$CP3" &&
  check "a byte of the witness cosignature flipped (checkpoint 3)" 1 -- "$E" checkpoint "$N/cosig-flipped.checkpoint" "${LOG[@]}" "${WIT[@]}"
sed "s|$cosig|$bad|" "$V/prove-2.proof" >"$N/cosig-flipped.proof"
made "$N/cosig-flipped.proof" "$V/prove-2.proof" &&
  check "a byte of the witness cosignature flipped (prove-2.proof)" 1 -- "$E" proof "$N/cosig-flipped.proof" "${LOG[@]}" "${WIT[@]}"

sig=$(sed -n 's/^— example.org\/ess\/test //p' "$CP2")
sed "s|$sig|$(flip_byte "$sig" 20)|" "$CP2" >"$N/sig-flipped.checkpoint"
made "$N/sig-flipped.checkpoint" "$CP2" &&
  check "a byte of the log signature flipped (checkpoint 2)" 1 -- "$E" checkpoint "$N/sig-flipped.checkpoint" "${LOG[@]}"
check "witness required, checkpoint 2 has no cosignature" 1 -- "$E" checkpoint "$CP2" "${LOG[@]}" "${WIT[@]}"

sed '2s/"books":4265}/"books":4266}/' "$V/journal.jsonl" >"$N/journal-4266.jsonl"
made "$N/journal-4266.jsonl" "$V/journal.jsonl" &&
  check "journal line 2 changed: root 3 differs" 1 -- "$E" root "$N/journal-4266.jsonl" -checkpoint "$CP3" "${LOG[@]}"
head -n 2 "$V/journal.jsonl" >"$N/journal-2.jsonl"
check "2 lines for checkpoint 3" 1 -- "$E" root "$N/journal-2.jsonl" -checkpoint "$CP3" "${LOG[@]}"

rsig=$(sed -n 's/^— example.org\/ess\/test-bilans //p' "$V/bilan-2022.receipt")
sed "s|$rsig|$(flip_byte "$rsig" 30)|" "$V/bilan-2022.receipt" >"$N/flipped.receipt"
made "$N/flipped.receipt" "$V/bilan-2022.receipt" &&
  check "a byte of the receipt signature flipped" 1 "invalid" -- "$E" receipt "$N/flipped.receipt" "$V/journal.jsonl" -vkey "$V/publisher.vkey"

# --- DIR: artefacts written by ess -------------------------------------------------------------------
if [ -n "$extra" ]; then
  shopt -s nullglob
  D=$extra
  before=$((passed + failed))
  if [ ! -f "$D/log.vkey" ]; then
    failed=$((failed + 1)); echo "FAIL  $D/log.vkey is missing"
  else
    DLOG=(-vkey "$D/log.vkey")
    DWIT=()
    [ -f "$D/witness.vkey" ] && DWIT=(-witness "$D/witness.vkey")
    [ -f "$D/checkpoint" ] && check "DIR/checkpoint" 0 -- "$E" checkpoint "$D/checkpoint" "${DLOG[@]}" "${DWIT[@]}"
    for p in "$D"/*.proof; do
      check "DIR/${p##*/}" 0 -- "$E" proof "$p" "${DLOG[@]}" "${DWIT[@]}"
    done
    requests=("$D"/*.request)
    if [ ${#requests[@]} -gt 0 ] && [ ! -f "$D/old.checkpoint" ]; then
      failed=$((failed + 1)); echo "FAIL  DIR has requests but no old.checkpoint"
    fi
    if [ -f "$D/old.checkpoint" ]; then
      check "DIR/old.checkpoint" 0 -- "$E" checkpoint "$D/old.checkpoint" "${DLOG[@]}"
      for r in "${requests[@]}"; do
        check "DIR/${r##*/} from DIR/old.checkpoint" 0 -- "$E" consistency "$D/old.checkpoint" "$r" "${DLOG[@]}"
      done
    fi
    if [ -f "$D/lines.jsonl" ]; then
      if [ -f "$D/checkpoint" ]; then
        check "DIR/lines.jsonl gives the root of DIR/checkpoint" 0 -- "$E" root "$D/lines.jsonl" -checkpoint "$D/checkpoint" "${DLOG[@]}"
      else
        failed=$((failed + 1)); echo "FAIL  DIR has lines.jsonl but no checkpoint"
      fi
    fi
    for r in "$D"/*.receipt; do
      check "DIR/${r##*/}" 0 -- "$E" receipt "$r" "${r%.receipt}" -vkey "$D/publisher.vkey"
    done
    if [ $((passed + failed)) -eq "$before" ]; then
      failed=$((failed + 1)); echo "FAIL  $D holds nothing to check"
    fi
  fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
