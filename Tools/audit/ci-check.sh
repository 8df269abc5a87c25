#!/usr/bin/env bash
# The auditor's kit against what ess itself writes (PROOFS.md §8, checked by tools we did not write):
#
#   Tools/audit/ci-check.sh ESS-BINARY
#
# 1. Makes, with the given ess: the demo journal (signed with its demo key), and a second journal of
#    the same events signed at 1000 and at 1358, witnessed by an offline witness (ess witness), with
#    inclusion proofs, a consistency request, the journal's lines, and a bilan with its receipt.
# 2. Checks them with the Python kit (ess_audit.py), the shell kit (check.sh: openssl, sha256sum, xxd,
#    lz4) and the Go verifier built on golang.org/x/mod (go/check-vectors.sh DIR), and runs the Python
#    kit's own tests with the demo journal (the demo roots of PROOFS.md §7).
# Exits non-zero if any check fails. Tools/ess-dev test runs it (CI).
set -euo pipefail
ess=$(realpath "$1")
cd "$(dirname "$0")"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
out=$t/artefacts
mkdir -p "$out"
say() { echo "-- $*"; }

say "ess demo (signed with a demo key), then a witnessed journal signed at 1000 and 1358"
"$ess" demo "$t/demo" >/dev/null
"$ess" export --journal "$t/demo" >"$t/all.jsonl"
head -n 1000 "$t/all.jsonl" >"$t/a.jsonl"
tail -n +1001 "$t/all.jsonl" >"$t/b.jsonl"
j=$t/j
"$ess" init --journal "$j" >/dev/null
"$ess" import "$t/a.jsonl" --journal "$j" >/dev/null
"$ess" checkpoint init --journal "$j" --origin example.org/ess/ci --key-out "$t/log.key" >"$out/log.vkey"
"$ess" checkpoint --journal "$j" --key "$t/log.key" >/dev/null
"$ess" witness init --name example.org/ess/ci-witness --key-out "$t/w.key" --state "$t/w" >"$out/witness.vkey"
"$ess" witness add-log --state "$t/w" "$out/log.vkey" >/dev/null
"$ess" checkpoint add-witness ci "$out/witness.vkey" --quorum ci --journal "$j" >/dev/null
"$ess" consistency 0 --journal "$j" >"$t/first.request"
"$ess" witness cosign --state "$t/w" --key "$t/w.key" "$t/first.request" >"$t/first.cosig"
"$ess" checkpoint add-cosignature "$t/first.cosig" --journal "$j" >/dev/null
cp "$j/checkpoints/00000000000000001000.checkpoint" "$out/old.checkpoint"
"$ess" import "$t/b.jsonl" --journal "$j" >/dev/null
"$ess" checkpoint --journal "$j" --key "$t/log.key" >/dev/null
"$ess" consistency --witness ci --journal "$j" >"$out/1000-1358.request"
"$ess" witness cosign --state "$t/w" --key "$t/w.key" "$out/1000-1358.request" >"$t/second.cosig"
"$ess" checkpoint add-cosignature "$t/second.cosig" --journal "$j" >/dev/null
cp "$j/checkpoints/00000000000000001358.checkpoint" "$out/checkpoint"
for seq in 1 700 1000 1358; do "$ess" prove "$seq" --journal "$j" >"$out/seq-$seq.proof"; done
"$ess" key generate --name example.org/ess/ci-bilans --key-out "$t/publisher.key" >"$out/publisher.vkey"
"$ess" bilan 2022 --format json --journal "$j" -o "$out/bilan-2022.json" --receipt "$out/bilan-2022.json.receipt" \
  --key "$t/publisher.key" --author ci 2>/dev/null
"$ess" verify-receipt "$out/bilan-2022.json.receipt" "$out/bilan-2022.json" --vkey "$out/publisher.vkey" \
  --checkpoint "$out/checkpoint" --policy "$j/checkpoints/policy" --journal "$j" --rerun
cat "$j"/segments/*.lz4 | lz4 -dc >"$out/lines.jsonl"
"$ess" verify --journal "$j" | tail -2

say "Python: ess_audit.py on ess's files"
py() { python3 ess_audit.py "$@" >/dev/null; }
py checkpoint "$out/checkpoint" --vkey "$out/log.vkey" --witness "$out/witness.vkey"
for p in "$out"/*.proof; do py proof "$p" --vkey "$out/log.vkey" --witness "$out/witness.vkey"; done
py consistency "$out/old.checkpoint" "$out/1000-1358.request" --vkey "$out/log.vkey"
py root "$out/lines.jsonl" --checkpoint "$out/checkpoint" --vkey "$out/log.vkey"
py root "$out/lines.jsonl" --checkpoint "$out/old.checkpoint" --vkey "$out/log.vkey"
py receipt "$out/bilan-2022.json.receipt" "$out/bilan-2022.json" --vkey "$out/publisher.vkey" \
  --checkpoint "$out/checkpoint" --log-vkey "$out/log.vkey" --witness "$out/witness.vkey"
echo "ess_audit.py: 9 files verified"

say "Shell: check.sh on the journal folder"
bash check.sh "$j" "$out/checkpoint" "$out/log.vkey"

say "Python kit's tests, with the demo journal"
ESS_DEMO_JOURNAL=$t/demo python3 -m pytest -q -c pytest.ini . 2>&1 | tail -3

say "Go: golang.org/x/mod on the vectors and on ess's files"
bash go/check-vectors.sh "$out" | tail -4
