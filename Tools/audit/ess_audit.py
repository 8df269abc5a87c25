#!/usr/bin/env python3
"""ess_audit.py: check an ess journal's checkpoints, proofs and bilan receipts without ess.

Independent verifier of shared/spec/PROOFS.md (RFC 9162 Merkle tree over the event lines,
C2SP signed notes with Ed25519, tlog-proof inclusion proofs, tlog-witness consistency
requests, cosignature/v1, bilan receipts). Python 3.11 standard library + `cryptography`.

Exit status: 0 verified; 1 a check failed (signature, proof, root, hash, quorum);
2 malformed or refused input (syntax, hash not 32 bytes, unknown origin or key, unreadable file).
"""
import argparse
import base64
import binascii
import hashlib
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class Failed(Exception):
    """A check failed: exit 1."""


class Malformed(Exception):
    """The input cannot be checked: exit 2."""


MAX_PROOF_HASHES = 63
MAX_SIGNATURES = 100
RECEIPT_HEADER = "ess.bilan-receipt/v1"
DECIMAL = re.compile(r"0|[1-9][0-9]{0,18}")  # no leading zero; fits in 63 bits (checked below)


def b64(raw):
    return base64.b64encode(raw).decode()


def b64decode(text, what, size=None):
    """Strict base64: standard alphabet, padded, canonical, optionally exactly `size` bytes."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Malformed(f"{what} is not valid padded base64: {text[:60]!r}.") from None
    if b64(raw) != text:  # rejects non-canonical trailing bits
        raise Malformed(f"{what} is not canonical base64: {text[:60]!r}.")
    if size is not None and len(raw) != size:
        raise Malformed(f"{what} decodes to {len(raw)} bytes, expected {size}.")
    return raw


def decimal(text, what):
    if not DECIMAL.fullmatch(text) or int(text) >= 2**63:
        raise Malformed(f"{what} must be a decimal number without leading zero, got {text[:30]!r}.")
    return int(text)


# ---- RFC 9162 §2.1 Merkle tree -------------------------------------------------------------

def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def leaf_hash(line):
    return sha256(b"\x00", line)


def node_hash(left, right):
    return sha256(b"\x01", left, right)


class TreeBuilder:
    """Streaming MTH: keeps the perfect subtrees (sizes decreasing powers of two) of the prefix."""

    def __init__(self):
        self.stack = []  # (size, hash), left to right
        self.size = 0

    def add(self, leaf):
        size, h = 1, leaf
        while self.stack and self.stack[-1][0] == size:  # merge equal siblings
            h = node_hash(self.stack.pop()[1], h)
            size *= 2
        self.stack.append((size, h))
        self.size += 1

    def root(self):
        if not self.stack:
            return sha256(b"")
        h = self.stack[-1][1]
        for _, left in reversed(self.stack[:-1]):  # fold right to left: MTH splits at powers of 2
            h = node_hash(left, h)
        return h


def merkle_root(leaf_hashes):
    tree = TreeBuilder()
    for h in leaf_hashes:
        tree.add(h)
    return tree.root()


def verify_inclusion(index, size, leaf, path, root):
    """RFC 9162 §2.1.3.2; path is ordered from the leaf's sibling to the root's child."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(old_size, new_size, old_root, new_root, proof):
    """RFC 9162 §2.1.4.2, plus the edge cases of PROOFS.md §3.2 (equal sizes, empty old tree)."""
    if old_size > new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof and old_root == sha256(b"")
    if not proof:
        return False
    if old_size & (old_size - 1) == 0:  # an exact power of two: the old root is a node of the path
        proof = [old_root] + list(proof)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == old_root and sr == new_root and sn == 0


# ---- journal lines ------------------------------------------------------------------------------

CHAIN_TAIL = re.compile(rb',"prev":"(sha256:[0-9a-f]{64})","hash":"sha256:([0-9a-f]{64})"}\n\Z')


def check_line(line, seq, where):
    """A leaf is one line ending in its only 0x0A and starting with {"seq":<seq>,."""
    if not line.endswith(b"\n") or line.count(b"\n") != 1:
        raise Malformed(f"{where} is not one line ending in a newline.")
    if not line.startswith(b'{"seq":%d,' % seq):
        raise Failed(f'{where} starts with {line[:20]!r}, expected {{"seq":{seq},.')


def check_chain_hash(line, where):
    """FORMAT.md "Hash chain": hash = SHA-256(prev ‖ 0x0A ‖ line minus its last 163 bytes ‖ "}")."""
    m = CHAIN_TAIL.search(line)
    if not m:
        raise Failed(f'{where} does not end with ,"prev":"sha256:…","hash":"sha256:…"}}.')
    body = line[:-164] + b"}"  # 163 bytes of prev/hash tail plus the final newline
    got = hashlib.sha256(m.group(1) + b"\n" + body).hexdigest()
    if got != m.group(2).decode():
        raise Failed(f"{where}: its chain hash should be sha256:{got}, the line says sha256:{m.group(2).decode()}.")
    return m.group(1).decode(), "sha256:" + got


# ---- keys and signed notes ------------------------------------------------------------------

@dataclass
class Key:
    name: str
    key_id: bytes
    alg: int  # 0x01 Ed25519 signed note, 0x04 cosignature/v1
    public: Ed25519PublicKey


def parse_vkey(text, what):
    """<name>+<hex keyID>+base64(type ‖ pub32); the key ID must match the key."""
    parts = text.strip().split("+", 2)  # base64 may itself contain "+"
    if len(parts) != 3 or not parts[0] or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
        raise Malformed(f"{what} is not a verifier key <name>+<8 hex>+<base64>.")
    name, hex_id, raw = parts[0], parts[1], b64decode(parts[2], f"{what}'s key", 33)
    if raw[0] not in (0x01, 0x04):
        raise Malformed(f"{what} has key type 0x{raw[0]:02x}, expected 0x01 (Ed25519) or 0x04 (cosignature/v1).")
    key_id = sha256(name.encode(), b"\n", raw)[:4]
    if key_id.hex() != hex_id:
        raise Malformed(f"{what} says key ID {hex_id}, its key gives {key_id.hex()}.")
    try:
        return Key(name, key_id, raw[0], Ed25519PublicKey.from_public_bytes(raw[1:]))
    except ValueError:
        raise Malformed(f"{what} is not a valid Ed25519 public key.") from None


def read_key(path, alg):
    key = parse_vkey(read_text(path), path)
    if key.alg != alg:
        raise Malformed(f"{path} is a type 0x{key.alg:02x} key, expected 0x{alg:02x}.")
    return key


def parse_note(data, what):
    """Signed note: returns (text, [(name, sig bytes)]). The text ends before the first blank line."""
    try:
        note = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise Malformed(f"{what} is not UTF-8.") from None
    if re.search(r"[\x00-\x09\x0b-\x1f\x7f]", note):
        raise Malformed(f"{what} contains a control character other than newline.")
    text, sep, sigs = note.partition("\n\n")
    if not sep or not text:
        raise Malformed(f"{what} has no blank line between its text and its signatures.")
    if not sigs:
        raise Malformed(f"{what} has no signature lines after its blank line.")
    if not sigs.endswith("\n"):
        raise Malformed(f"{what} does not end with a newline after its signatures.")
    signatures = []
    for line in sigs[:-1].split("\n"):
        m = re.fullmatch(r"— ([^ +]+) ([A-Za-z0-9+/=]+)", line)
        if not m:
            raise Malformed(f"{what} has a bad signature line {line[:60]!r}, expected '— <name> <base64>'.")
        sig = b64decode(m.group(2), f"{what}'s signature by {m.group(1)}")
        if len(sig) < 5:
            raise Malformed(f"{what}'s signature by {m.group(1)} is too short.")
        signatures.append((m.group(1), sig))
    if len(signatures) > MAX_SIGNATURES:
        raise Malformed(f"{what} has {len(signatures)} signatures, at most {MAX_SIGNATURES} are allowed.")
    return text + "\n", signatures


def verified_keys(text, signatures, keys, what):
    """Verifies the lines of the known keys; returns {key name: timestamp or None}. A known key's bad line fails."""
    good = {}
    for name, sig in signatures:
        for key in keys:
            if key.name != name or key.key_id != sig[:4]:
                continue  # unknown (name, key ID): ignored, as signed-note says
            if key.alg == 0x01:
                message, ed, stamp = text.encode(), sig[4:], None
            else:  # cosignature/v1: keyID(4) ‖ timestamp(8, big-endian) ‖ Ed25519(64)
                stamp = int.from_bytes(sig[4:12], "big")
                message, ed = f"cosignature/v1\ntime {stamp}\n{text}".encode(), sig[12:]
            try:
                if len(ed) != 64:
                    raise InvalidSignature
                key.public.verify(ed, message)
            except InvalidSignature:
                raise Failed(f"{what}: the signature by {name} (key {key.key_id.hex()}) does not verify.") from None
            good[name] = stamp
    return good


@dataclass
class Checkpoint:
    origin: str
    size: int
    root: bytes
    text: str
    cosigned: dict


def check_checkpoint(data, log_key, witnesses=(), quorum=None, what="the checkpoint"):
    """Parses a checkpoint note and checks the log signature and the witness quorum."""
    text, signatures = parse_note(data, what)
    lines = text[:-1].split("\n")
    if len(lines) != 3:
        raise Malformed(f"{what} has {len(lines)} text lines, expected 3 (origin, size, root).")
    origin, size, root = lines[0], decimal(lines[1], f"{what}'s size"), b64decode(lines[2], f"{what}'s root", 32)
    if not origin or re.search(r"\s|\+", origin):
        raise Malformed(f"{what} has a bad origin {origin!r}.")
    if origin != log_key.name:
        raise Malformed(f"{what} has origin {origin!r}, the log key is for {log_key.name!r}.")
    good = verified_keys(text, signatures, [log_key, *witnesses], what)
    if log_key.name not in good:
        raise Malformed(f"{what} has no signature by the log key {log_key.name}+{log_key.key_id.hex()}.")
    need = len(witnesses) if quorum is None else quorum
    cosigned = {w.name: good[w.name] for w in witnesses if w.name in good}
    if len(cosigned) < need:
        raise Failed(f"{what} is cosigned by {len(cosigned)} of the given witnesses, the quorum is {need}.")
    return Checkpoint(origin, size, root, text, cosigned)


def split_header(data, what):
    """Proof and request files: header lines, a blank line, then a checkpoint note."""
    head, sep, note = data.partition(b"\n\n")
    if not sep:
        raise Malformed(f"{what} has no blank line before its checkpoint.")
    try:
        return head.decode("ascii").split("\n"), note
    except UnicodeDecodeError:
        raise Malformed(f"{what} has non-ASCII bytes before its checkpoint.") from None


def parse_hashes(lines, what):
    if len(lines) > MAX_PROOF_HASHES:
        raise Malformed(f"{what} has {len(lines)} hashes, at most {MAX_PROOF_HASHES} are allowed.")
    for line in lines:
        if not re.fullmatch(r"[A-Za-z0-9+/]+=*", line):
            raise Malformed(f"{what} has {line[:40]!r} where a base64 hash or the blank line before the "
                            "checkpoint was expected.")
    return [b64decode(h, f"{what}'s hash {i + 1}", 32) for i, h in enumerate(lines)]


# ---- commands -------------------------------------------------------------------------------

def read_bytes(path):
    try:
        return sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    except OSError as e:
        raise Malformed(f"cannot read {path}: {e.strerror}.") from None


def read_text(path):
    try:
        return read_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed(f"{path} is not UTF-8.") from None


def witness_args(args):
    witnesses = [read_key(w, 0x04) for w in args.witness]
    if args.quorum is not None and not 0 <= args.quorum <= len(witnesses):
        raise Malformed(f"--quorum {args.quorum} needs as many --witness keys, {len(witnesses)} given.")
    return witnesses


def describe(cp):
    print(f"origin  {cp.origin}\nsize    {cp.size}")
    print(f"root    {b64(cp.root)}\nroot    {cp.root.hex()}")
    for name, stamp in cp.cosigned.items():
        try:
            when = f"{datetime.fromtimestamp(stamp, timezone.utc):%Y-%m-%dT%H:%M:%SZ}"
        except (OverflowError, ValueError, OSError):  # a signed but absurd timestamp: show it raw
            when = f"time {stamp}"
        print(f"witness {name} at {when}")


def cmd_checkpoint(args):
    key, witnesses = read_key(args.vkey, 0x01), witness_args(args)
    cp = check_checkpoint(read_bytes(args.file), key, witnesses, args.quorum, args.file)
    print(f"checkpoint verified: signed by {cp.origin}, {len(cp.cosigned)} witness cosignature(s)")
    describe(cp)


def cmd_proof(args):
    data, what = read_bytes(args.file), args.file
    head, note = split_header(data, what)
    if head[0] != "c2sp.org/tlog-proof@v1":
        raise Malformed(f"{what} starts with {head[0][:40]!r}, expected c2sp.org/tlog-proof@v1.")
    rest, extra = head[1:], None
    if rest and rest[0].startswith("extra "):
        extra, rest = b64decode(rest[0][6:], f"{what}'s extra"), rest[1:]
    if not rest or not rest[0].startswith("index "):
        raise Malformed(f"{what} has no 'index N' line after its header.")
    index, path = decimal(rest[0][6:], f"{what}'s index"), parse_hashes(rest[1:], what)
    leaf = read_bytes(args.event) if args.event else extra
    if leaf is None:
        raise Malformed(f"{what} has no extra line: give the event line with --event FILE.")
    if extra is not None and leaf != extra:
        raise Failed(f"{args.event} is not byte-equal to the event line inside {what}.")
    check_line(leaf, index + 1, f"the event line of {what}")
    cp = check_checkpoint(note, read_key(args.vkey, 0x01), witness_args(args), args.quorum, f"{what}'s checkpoint")
    if not verify_inclusion(index, cp.size, leaf_hash(leaf), path, cp.root):
        raise Failed(f"{what}: event seq {index + 1} is not included in the tree of size {cp.size} "
                     f"signed by {cp.origin}.")
    check_chain_hash(leaf, f"event seq {index + 1}")
    print(f"proof verified: event seq {index + 1} is leaf {index} of the signed tree of size {cp.size}")
    describe(cp)
    sys.stdout.flush()
    sys.stdout.buffer.write(leaf)  # the event line, byte for byte


def cmd_consistency(args):
    key = read_key(args.vkey, 0x01)
    old = check_checkpoint(read_bytes(args.old), key, what=args.old)
    head, note = split_header(read_bytes(args.request), args.request)
    if not head[0].startswith("old "):
        raise Malformed(f"{args.request} starts with {head[0][:40]!r}, expected 'old N'.")
    claimed, proof = decimal(head[0][4:], f"{args.request}'s old size"), parse_hashes(head[1:], args.request)
    new = check_checkpoint(note, key, what=f"{args.request}'s checkpoint")
    if claimed != old.size:
        raise Failed(f"{args.request} is a proof from size {claimed}, {args.old} has size {old.size}.")
    if old.size > new.size:
        raise Malformed(f"{args.old} has size {old.size}, larger than the new checkpoint's {new.size}.")
    if not verify_consistency(old.size, new.size, old.root, new.root, proof):
        raise Failed(f"the tree of size {new.size} is not an extension of the signed tree of size {old.size}: "
                     "both are signed, keep these files as evidence.")
    print(f"consistency verified: {old.origin} size {old.size} -> {new.size} is append-only")
    describe(new)


RECEIPT_FIELDS = [  # line patterns of PROOFS.md §5.2, in order
    RECEIPT_HEADER, r"origin (\S+)", r"tree (\S+) (\S+)", r"read (\S+) sha256:([0-9a-f]{64})", r"year ([0-9]{4})",
    r"as-known-on (\S+)", r"code (\S+)", r"program (\S+)", r"output (json|csv|markdown|text) (fr|en)",
    r"sha256 ([0-9a-f]{64}) (\S+)", r"issued ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)"]


def cmd_receipt(args):
    what, key = args.receipt, read_key(args.vkey, 0x01)
    text, signatures = parse_note(read_bytes(what), what)
    lines = text[:-1].split("\n")
    if len(lines) != len(RECEIPT_FIELDS):
        raise Malformed(f"{what} has {len(lines)} text lines, expected {len(RECEIPT_FIELDS)}.")
    f = []
    for line, pattern in zip(lines, RECEIPT_FIELDS):
        m = re.fullmatch(pattern, line)
        if not m:
            raise Malformed(f"{what} has the line {line[:60]!r} where {pattern!r} was expected.")
        f.append(m.groups())
    origin, (size, root), digest, count = f[1][0], f[2], f[9][0], decimal(f[9][1], f"{what}'s byte count")
    size, root = decimal(size, f"{what}'s tree size"), b64decode(root, f"{what}'s root", 32)
    if decimal(f[3][0], f"{what}'s read seq") > size:
        raise Malformed(f"{what} says it read event {f[3][0]}, past its tree size {size}.")
    if key.name not in verified_keys(text, signatures, [key], what):
        raise Malformed(f"{what} has no signature by the publisher key {key.name}+{key.key_id.hex()}.")
    data = read_bytes(args.file)
    got = hashlib.sha256(data).hexdigest()
    if (got, len(data)) != (digest, count):
        raise Failed(f"{args.file}'s SHA-256 is {got} ({len(data)} bytes), "
                     f"the receipt says {digest} ({count} bytes).")
    print(f"receipt verified: {args.file} is the bilan signed by {key.name} ({len(data)} bytes)")
    print(f"covers  {origin} tree {size} {b64(root)}, {', '.join(lines[3:9])}")
    if args.checkpoint:
        if not args.log_vkey:
            raise Malformed("--checkpoint needs --log-vkey, the log's verifier key.")
        cp = check_checkpoint(read_bytes(args.checkpoint), read_key(args.log_vkey, 0x01), witness_args(args),
                              args.quorum, args.checkpoint)
        if (cp.origin, cp.size, cp.root) != (origin, size, root):
            raise Failed(f"{args.checkpoint} signs {cp.origin} size {cp.size} root {b64(cp.root)}, "
                         f"the receipt names {origin} tree {size} {b64(root)}.")
        print(f"the receipt's tree is the signed checkpoint {args.checkpoint}")
        describe(cp)


def cmd_root(args):
    cp = None
    if args.checkpoint:
        if not args.vkey:
            raise Malformed("--checkpoint needs --vkey, the log's verifier key.")
        cp = check_checkpoint(read_bytes(args.checkpoint), read_key(args.vkey, 0x01), witness_args(args),
                              args.quorum, args.checkpoint)
        if args.size is not None and args.size != cp.size:
            raise Malformed(f"--size {args.size} differs from {args.checkpoint}'s size {cp.size}.")
    size = cp.size if cp else args.size
    if size is not None and size < 0:
        raise Malformed(f"--size must be 0 or more, got {size}.")
    tree, prev = TreeBuilder(), "sha256:" + "0" * 64
    try:
        stream = sys.stdin.buffer if args.lines == "-" else open(args.lines, "rb")
        with stream:
            for line in stream:
                if size is not None and tree.size == size:
                    break
                where = f"line {tree.size + 1} of {args.lines}"
                check_line(line, tree.size + 1, where)
                line_prev, hash_ = check_chain_hash(line, where)
                if line_prev != prev:
                    raise Failed(f"{where} has prev {line_prev}, the line before has hash {prev}.")
                prev = hash_
                tree.add(leaf_hash(line))
    except OSError as e:
        raise Malformed(f"cannot read {args.lines}: {e.strerror}.") from None
    if size is not None and tree.size < size:
        raise Failed(f"{args.lines} holds only {tree.size} events, {size} are needed.")
    root = tree.root()
    if cp and root != cp.root:
        raise Failed(f"the root of the first {size} lines of {args.lines} is {b64(root)}, "
                     f"{args.checkpoint} signed {b64(cp.root)}.")
    signed = f", equal to the signed root of {args.checkpoint}" if cp else ""
    print(f"root of the first {tree.size} lines, hash chain intact{signed}")
    print(f"size    {tree.size}\nroot    {b64(root)}\nroot    {root.hex()}")


def main(argv=None):
    p = argparse.ArgumentParser(prog="ess_audit.py", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    def witnesses(s):
        s.add_argument("--witness", action="append", default=[], metavar="W", help="witness vkey (0x04)")
        s.add_argument("--quorum", type=int, metavar="N", help="cosignatures required (default: all given)")

    s = sub.add_parser("checkpoint", help="verify a signed checkpoint")
    s.add_argument("file", metavar="FILE"), s.add_argument("--vkey", required=True, metavar="V"), witnesses(s)
    s.set_defaults(run=cmd_checkpoint)
    s = sub.add_parser("proof", help="verify a tlog-proof@v1 inclusion proof")
    s.add_argument("file", metavar="FILE"), s.add_argument("--vkey", required=True, metavar="V"), witnesses(s)
    s.add_argument("--event", metavar="FILE", help="the event line, with its newline")
    s.set_defaults(run=cmd_proof)
    s = sub.add_parser("consistency", help="verify a consistency request (old checkpoint -> new)")
    s.add_argument("old", metavar="OLD.checkpoint"), s.add_argument("request", metavar="REQUEST")
    s.add_argument("--vkey", required=True, metavar="V"), s.set_defaults(run=cmd_consistency)
    s = sub.add_parser("receipt", help="verify a bilan receipt and the file it covers")
    s.add_argument("receipt", metavar="RECEIPT"), s.add_argument("file", metavar="FILE")
    s.add_argument("--vkey", required=True, metavar="PUBLISHER_V"), s.add_argument("--checkpoint", metavar="C")
    s.add_argument("--log-vkey", metavar="V"), witnesses(s), s.set_defaults(run=cmd_receipt)
    s = sub.add_parser("root", help="recompute the Merkle root of JSON Lines ('-' = stdin)")
    s.add_argument("lines", metavar="LINES"), s.add_argument("--size", type=int, metavar="S")
    s.add_argument("--checkpoint", metavar="C"), s.add_argument("--vkey", metavar="V"), witnesses(s)
    s.set_defaults(run=cmd_root)

    args = p.parse_args(argv)
    try:
        args.run(args)
    except Failed as e:
        print(f"ess_audit: FAILED: {e}", file=sys.stderr)
        return 1
    except Malformed as e:
        print(f"ess_audit: refused: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
