#!/usr/bin/env bash
# check.sh: check an ess journal against a signed checkpoint with stock tools only
# (bash, coreutils, xxd, openssl >= 3.0, and lz4 for a journal folder); see README.md.
#
#   check.sh JOURNAL CHECKPOINT LOG.vkey
#
# JOURNAL is a journal folder (its segments/*.lz4 are decompressed), a JSON Lines file, or - (stdin).
# It verifies the checkpoint's Ed25519 signature by the log key (key name = origin), recomputes the
# RFC 9162 Merkle root of the first S lines (S = the checkpoint's size) and compares it with the
# signed root. Witness cosignatures are not checked here (use ess_audit.py --witness).
# Exit status: 0 verified, 1 a check failed, 2 refused input (malformed, unknown key, unreadable).
set -uo pipefail
export LC_ALL=C   # byte semantics for read, patterns and regular expressions

refuse() { echo "check.sh: refused: $*" >&2; exit 2; }
fail() { echo "check.sh: FAILED: $*" >&2; exit 1; }

[ $# -eq 3 ] || refuse "usage: check.sh JOURNAL-FOLDER|LINES.jsonl|- CHECKPOINT LOG.vkey."
journal=$1 checkpoint=$2 vkey=$3
where=$journal; [ "$journal" = - ] && where="standard input"
for tool in sha256sum base64 xxd openssl; do
    command -v "$tool" >/dev/null || refuse "$tool is not installed."
done
tmp=$(mktemp -d) || refuse "cannot create a temporary folder."
trap 'rm -rf "$tmp"' EXIT

# --- 1. The log's verifier key: <name>+<hex key ID>+base64(0x01 ‖ 32-byte Ed25519 public key)
[ -r "$vkey" ] || refuse "cannot read $vkey."
IFS= read -r vk < "$vkey" || true
name=${vk%%+*} rest=${vk#*+}
keyid=${rest%%+*} key64=${rest#*+}
[[ -n $name && $keyid =~ ^[0-9a-f]{8}$ && $key64 =~ ^[A-Za-z0-9+/]{44}$ ]] ||
    refuse "$vkey is not a verifier key <name>+<8 hex>+<base64>."
printf '%s' "$key64" | base64 -d > "$tmp/key"
[ "$(head -c 1 "$tmp/key" | xxd -p)" = 01 ] || refuse "$vkey is not an Ed25519 (type 0x01) key."
tail -c 32 "$tmp/key" > "$tmp/pub.raw"
# key ID = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)
got=$( (printf '%s\n\1' "$name"; cat "$tmp/pub.raw") | sha256sum | cut -c1-8)
[ "$got" = "$keyid" ] || refuse "$vkey says key ID $keyid, its key gives $got."
# DER SubjectPublicKeyInfo of an Ed25519 key = fixed 12-byte prefix ‖ the 32 key bytes
(printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; cat "$tmp/pub.raw") |
    openssl pkey -pubin -inform DER -out "$tmp/pub.pem" 2>/dev/null || refuse "openssl rejects the key of $vkey."

# --- 2. The checkpoint: origin, size, root, blank line, signature lines "— <name> <base64>"
[ -r "$checkpoint" ] || refuse "cannot read $checkpoint."
[ "$(tail -c 1 "$checkpoint" | xxd -p)" = 0a ] || refuse "$checkpoint does not end with a newline."
mapfile -t cp < "$checkpoint"
[ ${#cp[@]} -ge 5 ] && [ -z "${cp[3]}" ] ||
    refuse "$checkpoint is not 3 text lines, a blank line and signature lines."
origin=${cp[0]} size=${cp[1]} root64=${cp[2]}
[ "$origin" = "$name" ] || refuse "$checkpoint has origin '$origin', the log key is for '$name'."
[[ $size =~ ^(0|[1-9][0-9]{0,17})$ ]] || refuse "$checkpoint has a bad size '$size'."
[[ $root64 =~ ^[A-Za-z0-9+/]{43}=$ ]] || refuse "$checkpoint's root is not the base64 of 32 bytes."
head -n 3 "$checkpoint" > "$tmp/text"            # the signed message: the 3 text lines with their 0A
signed=0
for line in "${cp[@]:4}"; do
    [[ $line =~ ^—\ ([^\ +]+)\ ([A-Za-z0-9+/=]+)$ ]] || refuse "$checkpoint has a bad signature line."
    [ "${BASH_REMATCH[1]}" = "$name" ] || continue           # another signer (e.g. a witness): ignored
    printf '%s' "${BASH_REMATCH[2]}" | base64 -d > "$tmp/sig" 2>/dev/null ||
        refuse "$checkpoint has a signature that is not base64."
    [ "$(head -c 4 "$tmp/sig" | xxd -p)" = "$keyid" ] || continue  # same name, another key: ignored
    [ "$(stat -c %s "$tmp/sig")" = 68 ] || fail "$checkpoint's signature by $name is not 4 + 64 bytes."
    tail -c 64 "$tmp/sig" > "$tmp/ed25519"
    openssl pkeyutl -verify -pubin -inkey "$tmp/pub.pem" -rawin -in "$tmp/text" -sigfile "$tmp/ed25519" \
        >/dev/null 2>&1 || fail "the signature of $checkpoint by $name+$keyid does not verify."
    signed=1
done
[ $signed = 1 ] || refuse "$checkpoint has no signature by the log key $name+$keyid."

# --- 3. The lines: decompressed segments (skippable frames are skipped), a file, or stdin
if [ "$journal" = - ]; then
    cat > "$tmp/lines"
elif [ -d "$journal" ]; then
    command -v lz4 >/dev/null || refuse "lz4 is not installed."
    compgen -G "$journal/segments/*.lz4" >/dev/null || refuse "$journal/segments holds no .lz4 segment."
    # `lz4 -dc` takes one input file; concatenated segments are one valid stream of frames.
    cat "$journal"/segments/*.lz4 | lz4 -dc > "$tmp/lines" 2>/dev/null ||
        refuse "lz4 cannot decompress $journal/segments."
else
    cat "$journal" > "$tmp/lines" 2>/dev/null || refuse "cannot read $journal."
fi
bytes=$(stat -c %s "$tmp/lines")
[ "$bytes" = 0 ] || [ "$(tail -c 1 "$tmp/lines" | xxd -p)" = 0a ] || refuse "$where does not end with a newline."
[ "$(tr -d '\000' < "$tmp/lines" | wc -c)" = "$bytes" ] || refuse "$where contains NUL bytes."

# --- 4. RFC 9162 Merkle tree: leaf = SHA-256(0x00 ‖ line ‖ 0x0A), node = SHA-256(0x01 ‖ left ‖ right)
node() {   # sets NODE to the hex hash of the node over hex hashes $1 and $2
    NODE=$( { printf '\1'; printf '%s%s' "$1" "$2" | xxd -r -p; } | sha256sum)
    NODE=${NODE%% *}
}
# The stack holds the perfect subtrees of the lines read so far (sizes: decreasing powers of two).
hashes=() sizes=() n=0
while [ "$n" -lt "$size" ] && IFS= read -r line; do
    n=$((n + 1))
    [[ $line == "{\"seq\":$n,"* ]] || fail "line $n of $where does not start with {\"seq\":$n,."
    h=$(printf '\0%s\n' "$line" | sha256sum) h=${h%% *} s=1
    while [ ${#sizes[@]} -gt 0 ] && [ "${sizes[-1]}" -eq $s ]; do
        node "${hashes[-1]}" "$h"
        h=$NODE s=$((s * 2))
        unset 'hashes[-1]' 'sizes[-1]'
    done
    hashes+=("$h") sizes+=("$s")
done < "$tmp/lines"
[ "$n" -eq "$size" ] || fail "$where holds only $n events, the checkpoint signs $size."
if [ "$n" -eq 0 ]; then
    root=$(printf '' | sha256sum) root=${root%% *}   # the empty tree: SHA-256("")
else
    root=${hashes[-1]}                               # fold the subtrees from right to left
    for ((i = ${#hashes[@]} - 2; i >= 0; i--)); do node "${hashes[i]}" "$root"; root=$NODE; done
fi
signed_root=$(printf '%s' "$root64" | base64 -d | xxd -p -c 32)
[ "$root" = "$signed_root" ] ||
    fail "the root of the first $size lines of $where is $root, $checkpoint signed $signed_root."
echo "verified: $checkpoint is signed by $name+$keyid and its root $root64"
echo "          ($root) is the Merkle root of the first $size lines of $where"
