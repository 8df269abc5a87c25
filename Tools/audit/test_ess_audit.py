"""Tests of the auditor's kit (ess_audit.py, check.sh) against shared/spec/PROOFS.md §7.

Run from anywhere: python3 -m pytest -q Tools/audit
The references below (MTH, PATH, PROOF, signing) are written here directly from RFC 9162 §2.1
and C2SP signed-note / tlog-cosignature, independently of ess_audit.py's verifiers.
"""
import base64
import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
VEC = HERE / "vectors"
TOOL = HERE / "ess_audit.py"
CHECK_SH = HERE / "check.sh"
sys.path.insert(0, str(HERE))
import ess_audit as A  # noqa: E402

CP2, CP3 = VEC / "00000000000000000002.checkpoint", VEC / "00000000000000000003.checkpoint"
LOG_V, WIT_V, PUB_V = VEC / "log.vkey", VEC / "witness.vkey", VEC / "publisher.vkey"
LINES = VEC.joinpath("journal.jsonl").read_bytes().splitlines(keepends=True)
ORIGIN = "example.org/ess/test"


# ---- references: RFC 9162 §2.1 written out literally ---------------------------------------------

def h(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def split(n):  # the largest power of two smaller than n
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if not d:
        return h(b"")
    if len(d) == 1:
        return h(b"\x00", d[0])
    k = split(len(d))
    return h(b"\x01", mth(d[:k]), mth(d[k:]))


def path(m, d):
    if len(d) == 1:
        return []
    k = split(len(d))
    return path(m, d[:k]) + [mth(d[k:])] if m < k else path(m - k, d[k:]) + [mth(d[:k])]


def proof(m, d):
    def sub(m, d, whole):
        if m == len(d):
            return [] if whole else [mth(d)]
        k = split(len(d))
        return sub(m, d[:k], whole) + [mth(d[k:])] if m <= k else sub(m - k, d[k:], False) + [mth(d[:k])]
    return sub(m, d, True)


# ---- references: keys and signed notes ----------------------------------------------------------

def b64(raw):
    return base64.b64encode(raw).decode()


def seeded_key(phrase):  # §7: seed = SHA-256 of the quoted ASCII string
    return Ed25519PrivateKey.from_private_bytes(h(phrase.encode()))


def key_id(name, alg, pub):
    return h(name.encode(), b"\n", bytes([alg]), pub)[:4]


def vkey_of(name, priv, alg=1):
    pub = priv.public_key().public_bytes_raw()
    return f"{name}+{key_id(name, alg, pub).hex()}+{b64(bytes([alg]) + pub)}"


def sig_line(text, name, priv):
    pub = priv.public_key().public_bytes_raw()
    return f"— {name} {b64(key_id(name, 1, pub) + priv.sign(text.encode()))}\n"


def cosig_line(text, name, priv, stamp):
    pub = priv.public_key().public_bytes_raw()
    msg = f"cosignature/v1\ntime {stamp}\n{text}".encode()
    return f"— {name} {b64(key_id(name, 4, pub) + stamp.to_bytes(8, 'big') + priv.sign(msg))}\n"


LOG = seeded_key("ess test log key")
WIT = seeded_key("ess test witness key")
PUB = seeded_key("ess test publisher key")
WIT_NAME, PUB_NAME = "example.org/ess/test-witness", "example.org/ess/test-bilans"
STAMP = 1767225600  # 2026-01-01T00:00:00Z


def checkpoint(size, root, origin=ORIGIN, cosign=False):
    text = f"{origin}\n{size}\n{b64(root)}\n"
    note = text + "\n" + sig_line(text, origin, LOG)
    return note + (cosig_line(text, WIT_NAME, WIT, STAMP) if cosign else "")


# ---- running the tools --------------------------------------------------------------------------

def run(*args, stdin=None, cwd=None):
    """ess_audit.py in a subprocess, from a neutral folder: paths are all absolute."""
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd or "/", timeout=60)


def expect(result, code, *words):
    """Exit code `code`; on failure exactly one sentence on stderr, naming `words`."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    if code:
        err = result.stderr.decode()
        assert len(err.strip().splitlines()) == 1 and err.strip().endswith("."), err
        for w in words:
            assert w in err, (w, err)
    return result


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


def sub(text, old, new, count=-1):
    """str/bytes replace that insists on changing something (a silent no-op would test nothing)."""
    assert old in text, old
    return text.replace(old, new, count)


def flip(data, bit):
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


# ---- §7 values, byte for byte -------------------------------------------------------------------

LEAVES_7 = ["5d94291b05ccf08137f757162d5c36ee7f7812e9ddb5a8bdc32f1708e0e04dc3",
            "8c370205fba09a7aa1a46a57ed3f356add099004cdde61d899ea56994907db1a",
            "88cd1a60d7989bcd9b8cb1a4ee2c4c31ca8d49bb77cd2e9623c45f76816927be"]
ROOTS_7 = ["47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTcM=",
           "5Cwtwva3p2cO0r94OWQUHePnnU5zLbHTmZUM5GGzVe4=", "SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0="]
H_L1 = "jDcCBfugmnqhpGpX7T81at0JkATN3mHYmepWmUkH2xo="
H_L2 = "iM0aYNeYm82bjLGk7ixMMcqNSbt3zS6WI8RfdoFpJ74="
H_L0 = "XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTcM="
H_01 = "5Cwtwva3p2cO0r94OWQUHePnnU5zLbHTmZUM5GGzVe4="
LOG_VKEY = "example.org/ess/test+d58e300e+AX60EImsYJQH38NvAlzk9VH1rKcjGffU8mWW6RVH+hwZ"
WIT_VKEY = "example.org/ess/test-witness+1b1c1495+BAa4gUKCCHNsnV6J4UIcUa6unsfq0QDAFt+EIM8pkH8o"
PUB_VKEY = "example.org/ess/test-bilans+4af77d5d+AfTJYbLx35VokvWWx05fEnKQoiAi4ZLSzqTi2eKwNVNF"
LOG_SKEY = "PRIVATE+KEY+example.org/ess/test+d58e300e+AdY1Kkr1Gxt+rgaUZKfpYr1A3Yj479id+G7p9rpZll4u"
CP2_SIG = ("— example.org/ess/test 1Y4wDqBdnyJPxov+MZ8dqdLc4RsxeZ9LavRAD95rWJz4xpm+FJZ4gNqHfCiSyvxfTNBV0Lg1NIeKu3t9"
           "QKbnfxgb0gw=\n")
CP3_SIG = ("— example.org/ess/test 1Y4wDjPpcLOMmgAuzI6YamJbttsW08snuS2df8kkrWBhaMdEVeLlpsjArG35N6yix9yODWpNve/0cIowm18"
           "EkbVVhQw=\n")
CP3_COSIG = ("— example.org/ess/test-witness GxwUlQAAAABpVbkA0PCrdlKZse3B1+g+fPV4mdCsEwCX0ldAASGKEojSOLosUYVvgfp41yTInVgf"
             "UJGtzC+AHnSuXo/gPkOhBATGAQ==\n")
RECEIPT_TEXT = """ess.bilan-receipt/v1
origin example.org/ess/test
tree 3 SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0=
read 2 sha256:d0a94fdeb5cf29bc320b320af397fad63fb4564f0bbaadd9dd5b76f0dfaab0ec
year 2022
as-known-on 2023-03-31
code bilan-1
program ess/0.1.0+76281b2
output json fr
sha256 3ea564511d153f39a315a918b1b265d226ff8b61cb636f8b786bcf94414b93af 1289
issued 2026-01-01T00:00:00Z
"""
RECEIPT_SIG = ("— example.org/ess/test-bilans Svd9XcvF8dlznDC4i161VoOTaK7kO9V8sBjjtC5J1IP31UPiDpcyC3RozqyxsfPmN892jsJ4rrJL4R"
               "L4TwomHpPiMgQ=\n")


def test_journal_lines_and_leaf_hashes():
    assert [len(x) for x in LINES] == [449, 368, 403]
    assert [h(b"\x00", x).hex() for x in LINES] == LEAVES_7
    assert [A.leaf_hash(x).hex() for x in LINES] == LEAVES_7
    assert LINES[2].endswith(b'"hash":"sha256:24a1e9a4bca52f519f7fc2dead94290389513170110514b8abde1223bcce806b"}\n')


def test_chain_rule_reproduces_the_lines_hashes():
    prev = "sha256:" + "0" * 64
    for i, line in enumerate(LINES):
        body = line[:-1][:-163] + b"}"  # FORMAT.md "Hash chain", written out independently
        want = "sha256:" + hashlib.sha256(prev.encode() + b"\n" + body).hexdigest()
        assert line.endswith(f',"prev":"{prev}","hash":"{want}"}}\n'.encode())
        assert A.check_chain_hash(line, f"line {i + 1}") == (prev, want)
        prev = want


@pytest.mark.parametrize("size", range(4))
def test_roots_of_sizes_0_to_3(size):
    assert b64(mth(LINES[:size])) == ROOTS_7[size]
    assert b64(A.merkle_root(A.leaf_hash(x) for x in LINES[:size])) == ROOTS_7[size]
    if size == 2:
        assert mth(LINES[:2]).hex().startswith("e42c2dc2") and mth(LINES[:2]).hex().endswith("55ee")
    if size == 3:
        assert mth(LINES).hex().startswith("494cbf49") and mth(LINES).hex().endswith("cd8d")


def test_paths_and_proofs():
    assert [b64(x) for x in path(0, LINES)] == [H_L1, H_L2]
    assert [b64(x) for x in path(1, LINES)] == [H_L0, H_L2]
    assert [b64(x) for x in path(2, LINES)] == [H_01]
    assert [b64(x) for x in proof(1, LINES)] == [H_L1, H_L2]
    assert [b64(x) for x in proof(2, LINES)] == [H_L2]


def test_keys_ids_and_seeds():
    assert vkey_of(ORIGIN, LOG) == LOG_VKEY == LOG_V.read_text().strip()
    assert vkey_of(WIT_NAME, WIT, alg=4) == WIT_VKEY == WIT_V.read_text().strip()
    assert vkey_of(PUB_NAME, PUB) == PUB_VKEY == PUB_V.read_text().strip()
    for text, alg in ((LOG_VKEY, 1), (WIT_VKEY, 4), (PUB_VKEY, 1)):
        key = A.parse_vkey(text, "vkey")
        assert (key.alg, key.key_id.hex()) == (alg, text.split("+")[1])
    # the skey: PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 ‖ seed); its public key is the vkey's
    assert VEC.joinpath("log.skey").read_text().strip() == LOG_SKEY
    _, _, name, kid, raw = LOG_SKEY.split("+", 4)
    raw = base64.b64decode(raw)
    assert (name, kid, raw[0], raw[1:]) == (ORIGIN, "d58e300e", 1, h(b"ess test log key"))
    derived = Ed25519PrivateKey.from_private_bytes(raw[1:]).public_key().public_bytes_raw()
    assert base64.b64decode(LOG_VKEY.split("+", 2)[2]) == b"\x01" + derived


def test_signatures_are_reproduced_exactly():
    text2 = f"{ORIGIN}\n2\n{ROOTS_7[2]}\n"
    text3 = f"{ORIGIN}\n3\n{ROOTS_7[3]}\n"
    assert sig_line(text2, ORIGIN, LOG) == CP2_SIG
    assert CP2.read_text() == text2 + "\n" + CP2_SIG
    assert sig_line(text3, ORIGIN, LOG) == CP3_SIG
    assert cosig_line(text3, WIT_NAME, WIT, STAMP) == CP3_COSIG
    assert len(text3.encode()) == 68 and len((text3 + "\n" + CP3_SIG).encode()) == 187
    assert CP3.read_text() == text3 + "\n" + CP3_SIG + CP3_COSIG
    assert sig_line(RECEIPT_TEXT, PUB_NAME, PUB) == RECEIPT_SIG
    assert VEC.joinpath("bilan-2022.receipt").read_text() == RECEIPT_TEXT + "\n" + RECEIPT_SIG


def test_proof_and_request_files_are_the_spec_bytes():
    extra = b64(LINES[1])
    assert len(extra) == 492
    want = f"c2sp.org/tlog-proof@v1\nextra {extra}\nindex 1\n{H_L0}\n{H_L2}\n\n" + CP3.read_text()
    assert VEC.joinpath("prove-2.proof").read_text() == want
    assert VEC.joinpath("consistency-2-3.request").read_text() == f"old 2\n{H_L2}\n\n" + CP3.read_text()


def test_signed_note_example_of_golang_x_mod():
    # The example of golang.org/x/mod/sumdb/note's documentation (public test data).
    vkey = A.parse_vkey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "vkey")
    note = ("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n"
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
    text, sigs = A.parse_note(note.encode(), "note")
    assert A.verified_keys(text, sigs, [vkey], "note") == {"PeterNeumann": None}


# ---- every vector file with the CLI -------------------------------------------------------------

def test_cli_checkpoints():
    out = expect(run("checkpoint", CP2, "--vkey", LOG_V), 0).stdout.decode()
    assert ROOTS_7[2] in out and mth(LINES[:2]).hex() in out and ORIGIN in out
    out = expect(run("checkpoint", CP3, "--vkey", LOG_V, "--witness", WIT_V), 0).stdout.decode()
    assert ROOTS_7[3] in out and "2026-01-01T00:00:00Z" in out
    expect(run("checkpoint", CP3, "--vkey", LOG_V), 0)
    expect(run("checkpoint", CP2, "--vkey", LOG_V, "--witness", WIT_V, "--quorum", "0"), 0)
    expect(run("checkpoint", CP2, "--vkey", LOG_V, "--witness", WIT_V), 1, "quorum is 1")


def test_cli_inclusion_proof(tmp_path):
    out = expect(run("proof", VEC / "prove-2.proof", "--vkey", LOG_V, "--witness", WIT_V), 0).stdout
    assert out.endswith(LINES[1])
    event = write(tmp_path, "event", LINES[1])
    expect(run("proof", VEC / "prove-2.proof", "--vkey", LOG_V, "--event", event), 0)
    other = write(tmp_path, "other", LINES[2])
    expect(run("proof", VEC / "prove-2.proof", "--vkey", LOG_V, "--event", other), 1, "byte-equal")
    # without `extra`, the event comes from --event
    text = VEC.joinpath("prove-2.proof").read_text().split("\n")
    bare = write(tmp_path, "bare.proof", "\n".join([text[0]] + text[2:]))
    expect(run("proof", bare, "--vkey", LOG_V, "--event", event), 0)
    expect(run("proof", bare, "--vkey", LOG_V), 2, "--event")


@pytest.mark.parametrize("index", range(3))
def test_cli_inclusion_every_index_of_the_vectors(tmp_path, index):
    for cp, size in ((CP2, 2), (CP3, 3)):
        if index >= size:
            continue
        hashes = "".join(b64(x) + "\n" for x in path(index, LINES[:size]))
        p = write(tmp_path, "p", f"c2sp.org/tlog-proof@v1\nextra {b64(LINES[index])}\nindex {index}\n{hashes}\n"
                  + cp.read_text())
        assert expect(run("proof", p, "--vkey", LOG_V), 0).stdout.endswith(LINES[index])


def test_cli_consistency_and_root():
    expect(run("consistency", CP2, VEC / "consistency-2-3.request", "--vkey", LOG_V), 0)
    out = expect(run("root", VEC / "journal.jsonl"), 0).stdout.decode()
    assert ROOTS_7[3] in out
    expect(run("root", VEC / "journal.jsonl", "--size", "1"), 0)
    assert ROOTS_7[1] in run("root", VEC / "journal.jsonl", "--size", "1").stdout.decode()
    expect(run("root", VEC / "journal.jsonl", "--checkpoint", CP3, "--vkey", LOG_V, "--witness", WIT_V), 0)
    expect(run("root", VEC / "journal.jsonl", "--checkpoint", CP2, "--vkey", LOG_V), 0)
    stdin = VEC.joinpath("journal.jsonl").read_bytes()
    expect(run("root", "-", "--checkpoint", CP3, "--vkey", LOG_V, stdin=stdin), 0)
    expect(run("root", "-", "--checkpoint", CP3, "--vkey", LOG_V, stdin=b"".join(LINES[:2])), 1, "only 2")
    expect(run("root", "-", "--size", "0", stdin=b""), 0)


def test_cli_root_checks_seq_and_chain(tmp_path):
    swapped = write(tmp_path, "swapped", LINES[1] + LINES[0] + LINES[2])
    expect(run("root", swapped), 1, '{"seq":1,')
    edited = write(tmp_path, "edited", sub(b"".join(LINES), b"4265", b"4266"))
    expect(run("root", edited), 1, "chain hash")
    expect(run("root", edited, "--size", "1"), 0)
    no_newline = write(tmp_path, "nonl", b"".join(LINES)[:-1])
    expect(run("root", no_newline), 2, "newline")


# ---- the negative vectors of §7 -----------------------------------------------------------------

def test_negative_vector_4265_to_4266(tmp_path):
    text = VEC.joinpath("prove-2.proof").read_text()
    extra = text.split("\n")[1][len("extra "):]
    forged = b64(sub(base64.b64decode(extra), b"4265", b"4266"))
    bad = write(tmp_path, "bad.proof", sub(text, extra, forged))
    expect(run("proof", bad, "--vkey", LOG_V, "--witness", WIT_V), 1, "not included")


def test_negative_vector_old_1_against_checkpoint_2(tmp_path):
    for hashes in ([H_L1, H_L2], [H_L2]):  # a valid 1→3 proof, and the 2→3 one relabelled
        req = write(tmp_path, "old1.request", "old 1\n" + "".join(x + "\n" for x in hashes) + "\n" + CP3.read_text())
        expect(run("consistency", CP2, req, "--vkey", LOG_V), 1, "from size 1", "has size 2")


def test_consistency_failures(tmp_path):
    cp3_text = CP3.read_text()
    def request(old, hashes, new=cp3_text):
        return write(tmp_path, "r", f"old {old}\n" + "".join(b64(x) + "\n" for x in hashes) + "\n" + new)
    bad = flip(base64.b64decode(H_L2), 5)
    expect(run("consistency", CP2, request(2, [bad]), "--vkey", LOG_V), 1, "not an extension")
    expect(run("consistency", CP2, request(2, []), "--vkey", LOG_V), 1, "not an extension")
    # OLD = NEW: empty proof and the same root
    expect(run("consistency", CP3, request(3, []), "--vkey", LOG_V), 0)
    expect(run("consistency", CP3, request(3, [base64.b64decode(H_L2)]), "--vkey", LOG_V), 1)
    # a fork: another tree of size 3 validly signed (the log key misbehaved)
    fork = checkpoint(3, mth([LINES[0], LINES[1], b'{"seq":3}\n']))
    expect(run("consistency", CP2, request(2, [base64.b64decode(H_L2)], fork), "--vkey", LOG_V), 1, "evidence")
    expect(run("consistency", CP3, request(3, [], fork), "--vkey", LOG_V), 1)
    # OLD > NEW, and OLD = 0
    cp2_req = write(tmp_path, "r2", f"old 3\n\n" + CP2.read_text())
    expect(run("consistency", CP3, cp2_req, "--vkey", LOG_V), 2, "larger")
    cp0 = write(tmp_path, "cp0", checkpoint(0, h(b"")))
    expect(run("consistency", cp0, request(0, []), "--vkey", LOG_V), 0)
    expect(run("consistency", cp0, request(0, [base64.b64decode(H_L2)]), "--vkey", LOG_V), 1)


# ---- properties: every size up to 64, every index and old size ------------------------------------

DATA = [random.Random(9162 + i).randbytes(1 + i % 37) for i in range(64)]


@pytest.mark.parametrize("size", range(65))
def test_streaming_root_equals_reference_mth(size):
    assert A.merkle_root(A.leaf_hash(x) for x in DATA[:size]) == mth(DATA[:size])


@pytest.mark.parametrize("size", range(1, 65))
def test_inclusion_property(size):
    rng, d = random.Random(size), DATA[:size]
    root = mth(d)
    for m in range(size):
        p, leaf = path(m, d), h(b"\x00", d[m])
        assert len(p) <= A.MAX_PROOF_HASHES
        assert A.verify_inclusion(m, size, leaf, p, root)
        for j in range(len(p)):  # a flipped bit in any proof hash
            q = list(p)
            q[j] = flip(q[j], rng.randrange(256))
            assert not A.verify_inclusion(m, size, leaf, q, root)
        bad_leaf = h(b"\x00", flip(d[m], rng.randrange(8 * len(d[m]))))  # any leaf byte
        assert not A.verify_inclusion(m, size, bad_leaf, p, root)
        assert not A.verify_inclusion(m, size, leaf, p, flip(root, rng.randrange(256)))
        assert not A.verify_inclusion(m, size, leaf, p + [root], root)
        if p:
            assert not A.verify_inclusion(m, size, leaf, p[:-1], root)
        for other in range(size + 1):  # the same path at another index, or out of the tree
            if other != m:
                assert not A.verify_inclusion(other, size, leaf, p, root)
        if size > 1:
            assert not A.verify_inclusion(m, size - 1, leaf, p, mth(d[:-1]))


@pytest.mark.parametrize("new", range(1, 65))
def test_consistency_property(new):
    rng, d = random.Random(1000 + new), DATA[:new]
    new_root = mth(d)
    for old in range(new + 1):
        p, old_root = (proof(old, d) if old else []), mth(d[:old])
        assert len(p) <= A.MAX_PROOF_HASHES
        assert A.verify_consistency(old, new, old_root, new_root, p)
        for j in range(len(p)):
            q = list(p)
            q[j] = flip(q[j], rng.randrange(256))
            assert not A.verify_consistency(old, new, old_root, new_root, q)
        assert not A.verify_consistency(old, new, flip(old_root, rng.randrange(256)), new_root, p)
        if old:  # every tree extends the empty one: any new root is consistent with size 0
            assert not A.verify_consistency(old, new, old_root, flip(new_root, rng.randrange(256)), p)
        assert not A.verify_consistency(old, new, old_root, new_root, p + [new_root])
        if p:
            assert not A.verify_consistency(old, new, old_root, new_root, p[:-1])
        for other in (old - 1, old + 1):  # the proof claimed for another old size
            if 0 <= other <= new:  # verifies only if it is that size's proof too (e.g. [] for 0 -> n and n -> n)
                other_proof = proof(other, d) if other else []
                assert A.verify_consistency(other, new, mth(d[:other]), new_root, p) == (p == other_proof)
                assert not A.verify_consistency(other, new, old_root, new_root, p) or old_root == mth(d[:other])


def test_every_signature_byte_matters():
    text, sigs = A.parse_note(CP3.read_bytes(), "cp3")
    log, wit = A.parse_vkey(LOG_VKEY, "log"), A.parse_vkey(WIT_VKEY, "witness")
    assert A.check_checkpoint(CP3.read_bytes(), log, [wit]).cosigned == {WIT_NAME: STAMP}
    for who, (name, sig) in enumerate(sigs):
        for byte in range(len(sig)):
            bad = list(sigs)
            bad[who] = (name, flip(sig, 8 * byte + byte % 8))
            note = text + "\n" + "".join(f"— {n} {b64(s)}\n" for n, s in bad)
            if byte < 4:  # another key ID: an unknown key, ignored, so that key's signature is missing
                want = A.Malformed if who == 0 else A.Failed  # no log signature / quorum not met
            else:  # a bad signature (or cosignature timestamp) by a known key
                want = A.Failed
            with pytest.raises(want):
                A.check_checkpoint(note.encode(), log, [wit])
    for bit in range(8 * len(text.encode())):  # and every bit of the signed text
        note = flip(text.encode(), bit) + CP3.read_bytes()[len(text.encode()):]
        with pytest.raises((A.Failed, A.Malformed)):
            A.check_checkpoint(note, log, [wit])


def test_cli_flipped_signatures(tmp_path):
    data = CP3.read_text()
    for line, code in ((CP3_SIG, 1), (CP3_COSIG, 1)):
        raw = base64.b64decode(line.split(" ")[2])
        bad = write(tmp_path, "bad", sub(data, line.split(" ")[2].strip(), b64(flip(raw, 8 * 40))))
        expect(run("checkpoint", bad, "--vkey", LOG_V, "--witness", WIT_V), code, "does not verify")
    # an unknown witness line is ignored; a stranger's cosignature does not count toward the quorum
    stranger = seeded_key("someone else")
    text = data.split("\n\n")[0] + "\n"
    extra = write(tmp_path, "extra", data + cosig_line(text, "other.example/witness", stranger, STAMP))
    expect(run("checkpoint", extra, "--vkey", LOG_V, "--witness", WIT_V), 0)
    other_v = write(tmp_path, "other.vkey", vkey_of("other.example/witness", stranger, alg=4))
    expect(run("checkpoint", CP3, "--vkey", LOG_V, "--witness", WIT_V, "--witness", other_v), 1, "1 of")
    expect(run("checkpoint", CP3, "--vkey", LOG_V, "--witness", WIT_V, "--witness", other_v, "--quorum", "1"), 0)
    expect(run("checkpoint", CP3, "--vkey", LOG_V, "--witness", WIT_V, "--quorum", "2"), 2, "--quorum")
    # a cosignature with an absurd (but signed) timestamp still verifies; it is printed raw
    far = write(tmp_path, "far", CP2.read_text() + cosig_line(CP2.read_text().split("\n\n")[0] + "\n", WIT_NAME, WIT,
                                                              2**64 - 1))
    assert f"time {2**64 - 1}" in expect(run("checkpoint", far, "--vkey", LOG_V, "--witness", WIT_V), 0).stdout.decode()


# ---- malformed inputs: exit 2, one sentence -----------------------------------------------------

PROOF_TEXT = VEC.joinpath("prove-2.proof").read_text()


@pytest.mark.parametrize("name, make, words", [
    ("hash of 31 bytes", lambda t: sub(t, H_L0, b64(base64.b64decode(H_L0)[:31])), ["31 bytes", "expected 32"]),
    ("hash of 33 bytes", lambda t: sub(t, H_L0, b64(base64.b64decode(H_L0) + b"\0")), ["33 bytes"]),
    ("64-line proof", lambda t: sub(t, H_L2 + "\n", (H_L2 + "\n") * 63), ["64 hashes", "at most 63"]),
    ("unpadded hash", lambda t: sub(t, H_L0, H_L0.rstrip("=")), ["base64"]),
    ("bad header", lambda t: sub(t, "tlog-proof@v1", "tlog-proof@v2"), ["expected c2sp.org/tlog-proof@v1"]),
    ("no index", lambda t: sub(t, "index 1\n", ""), ["index"]),
    ("index 01", lambda t: sub(t, "index 1\n", "index 01\n"), ["leading zero"]),
    ("missing blank line", lambda t: sub(t, "\n\nexample.org", "\nexample.org", 1), ["blank line"]),
    ("note without blank line", lambda t: sub(t, "=\n\n— ", "=\n— "), ["blank line"]),
    ("size 03", lambda t: sub(t, "\n3\n", "\n03\n"), ["leading zero"]),
    ("root of 31 bytes", lambda t: sub(t, ROOTS_7[3], b64(base64.b64decode(ROOTS_7[3])[:31])), ["31 bytes"]),
    ("extension line", lambda t: sub(t, ROOTS_7[3] + "\n", ROOTS_7[3] + "\nextension\n"), ["4 text lines"]),
    ("unknown log key", lambda t: sub(t, "1Y4wD", "AAAAA"), ["no signature by the log key"]),
    ("bad signature line", lambda t: sub(t, "— example.org/ess/test 1Y4w", "- example.org/ess/test 1Y4w"),
     ["signature line"]),
    ("carriage return", lambda t: sub(t, "index 1", "index 1\r"), ["decimal"]),
    ("101 signatures", lambda t: t + sub(CP3_COSIG, "test-witness", "w") * 100, ["at most 100"]),
])
def test_malformed_proofs(tmp_path, name, make, words):
    bad = write(tmp_path, "bad.proof", make(PROOF_TEXT))
    assert bad.read_bytes() != PROOF_TEXT.encode(), name
    expect(run("proof", bad, "--vkey", LOG_V, "--witness", WIT_V), 2, *words)


def test_malformed_keys_and_files(tmp_path):
    expect(run("checkpoint", CP3, "--vkey", PUB_V), 2, "origin", "example.org/ess/test-bilans")
    expect(run("checkpoint", CP3, "--vkey", WIT_V), 2, "0x04")
    expect(run("checkpoint", CP3, "--vkey", LOG_V, "--witness", LOG_V), 2, "0x01")
    expect(run("checkpoint", tmp_path / "missing", "--vkey", LOG_V), 2, "cannot read")
    bad_id = write(tmp_path, "bad.vkey", sub(LOG_VKEY, "d58e300e", "d58e300f"))
    expect(run("checkpoint", CP3, "--vkey", bad_id), 2, "key ID")
    # same name, another key: its signature line is not by our key
    impostor = write(tmp_path, "impostor.vkey", vkey_of(ORIGIN, seeded_key("impostor")))
    expect(run("checkpoint", CP3, "--vkey", impostor), 2, "no signature by the log key")
    ctrl = write(tmp_path, "ctrl", sub(CP3.read_bytes(), b"example.org/ess/test\n", b"example.org/ess/test\x01\n", 1))
    expect(run("checkpoint", ctrl, "--vkey", LOG_V), 2, "control character")
    latin1 = write(tmp_path, "latin1", sub(CP3.read_bytes(), "—".encode(), b"\x97"))
    expect(run("checkpoint", latin1, "--vkey", LOG_V), 2, "UTF-8")
    unsigned = write(tmp_path, "unsigned", CP3.read_text().split("— ")[0])
    expect(run("checkpoint", unsigned, "--vkey", LOG_V), 2, "no signature lines")
    noncanon = write(tmp_path, "nc", sub(CP3.read_text(), "JszY0=", "JszY1="))
    expect(run("checkpoint", noncanon, "--vkey", LOG_V), 2, "canonical")


# ---- receipts -----------------------------------------------------------------------------------

RECEIPT = VEC / "bilan-2022.receipt"


def test_receipt_vector_signature_and_file_check(tmp_path):
    # We do not have the 1289 bytes; a file of that size with other bytes must fail on its SHA-256.
    other = write(tmp_path, "bilan-2022.json", b"x" * 1289)
    expect(run("receipt", RECEIPT, other, "--vkey", PUB_V), 1, "SHA-256", "3ea56451")
    # the signature check alone (it runs before the file check)
    key = A.parse_vkey(PUB_VKEY, "publisher")
    text, sigs = A.parse_note(RECEIPT.read_bytes(), "receipt")
    assert A.verified_keys(text, sigs, [key], "receipt") == {PUB_NAME: None}
    bad = write(tmp_path, "bad.receipt", sub(RECEIPT.read_text(), "ozqyxsfPmN", "ozqyxsfPmM"))
    expect(run("receipt", bad, other, "--vkey", PUB_V), 1, "does not verify")
    expect(run("receipt", RECEIPT, other, "--vkey", LOG_V), 2, "no signature by the publisher key")
    edited = write(tmp_path, "edited.receipt", sub(RECEIPT.read_text(), "year 2022", "year 2023"))
    expect(run("receipt", edited, other, "--vkey", PUB_V), 1, "does not verify")


def own_receipt(data, tree=3, root=ROOTS_7[3], origin=ORIGIN):
    text = sub(RECEIPT_TEXT, f"tree 3 {ROOTS_7[3]}", f"tree {tree} {root}")
    text = sub(text, f"origin {ORIGIN}", f"origin {origin}")
    text = sub(text, "3ea564511d153f39a315a918b1b265d226ff8b61cb636f8b786bcf94414b93af 1289",
               f"{hashlib.sha256(data).hexdigest()} {len(data)}")
    return text + "\n" + sig_line(text, PUB_NAME, PUB)


def test_own_receipt_full_path(tmp_path):
    data = b'{"year":2022,"books":4265}\n'
    bilan = write(tmp_path, "bilan.json", data)
    receipt = write(tmp_path, "bilan.receipt", own_receipt(data))
    out = expect(run("receipt", receipt, bilan, "--vkey", PUB_V), 0).stdout.decode()
    assert "read 2" in out
    full = ["--checkpoint", CP3, "--log-vkey", LOG_V, "--witness", WIT_V]
    expect(run("receipt", receipt, bilan, "--vkey", PUB_V, *full), 0)
    expect(run("receipt", receipt, bilan, "--vkey", PUB_V, "--checkpoint", CP2, "--log-vkey", LOG_V), 1, "size 2")
    expect(run("receipt", receipt, bilan, "--vkey", PUB_V, "--checkpoint", CP2, "--log-vkey", LOG_V, "--witness",
               WIT_V), 1, "quorum")
    expect(run("receipt", receipt, bilan, "--vkey", PUB_V, "--checkpoint", CP3), 2, "--log-vkey")
    # one byte more, one byte changed
    expect(run("receipt", receipt, write(tmp_path, "longer", data + b"\n"), "--vkey", PUB_V), 1, "bytes")
    expect(run("receipt", receipt, write(tmp_path, "changed", sub(data, b"4265", b"4266")), "--vkey", PUB_V), 1,
           "SHA-256")
    # a receipt naming another root for tree 3
    wrong = write(tmp_path, "wrong.receipt", own_receipt(data, root=ROOTS_7[2]))
    expect(run("receipt", wrong, bilan, "--vkey", PUB_V, *full), 1, "receipt names")
    # malformed receipts
    bad = write(tmp_path, "bad.receipt", sub(own_receipt(data), "output json fr", "output pdf fr"))
    expect(run("receipt", bad, bilan, "--vkey", PUB_V), 2, "output")


# ---- a longer journal, end to end, with checkpoints signed here -----------------------------------

def make_journal(count):
    """count events obeying FORMAT.md's canonical shape and hash chain."""
    lines, prev = [], "sha256:" + "0" * 64
    for seq in range(1, count + 1):
        body = (f'{{"seq":{seq},"id":"00000000-0000-4000-8000-{seq:012d}","type":"test.counted","version":1,'
                f'"occurredOn":"2024-01-01","recordedAt":"2024-01-01T00:00:00.000Z","author":"t",'
                f'"data":{{"n":{seq * 7919 % 1000}}}').encode()
        hash_ = "sha256:" + hashlib.sha256(prev.encode() + b"\n" + body + b"}").hexdigest()
        lines.append(body + f',"prev":"{prev}","hash":"{hash_}"}}\n'.encode())
        prev = hash_
    return lines


def test_longer_journal_end_to_end(tmp_path):
    lines = make_journal(37)
    journal = write(tmp_path, "journal.jsonl", b"".join(lines))
    cp20 = write(tmp_path, "20.checkpoint", checkpoint(20, mth(lines[:20])))
    cp37 = write(tmp_path, "37.checkpoint", checkpoint(37, mth(lines), cosign=True))
    expect(run("root", journal, "--checkpoint", cp37, "--vkey", LOG_V, "--witness", WIT_V), 0)
    expect(run("root", journal, "--checkpoint", cp20, "--vkey", LOG_V), 0)
    expect(run("root", journal, "--checkpoint", cp20, "--vkey", LOG_V, "--size", "21"), 2, "--size")
    for index in (0, 19, 31, 32, 36):
        hashes = "".join(b64(x) + "\n" for x in path(index, lines))
        p = write(tmp_path, "p", f"c2sp.org/tlog-proof@v1\nextra {b64(lines[index])}\nindex {index}\n{hashes}\n"
                  + cp37.read_text())
        expect(run("proof", p, "--vkey", LOG_V, "--witness", WIT_V), 0)
    req = write(tmp_path, "req", "old 20\n" + "".join(b64(x) + "\n" for x in proof(20, lines)) + "\n"
                + cp37.read_text())
    expect(run("consistency", cp20, req, "--vkey", LOG_V), 0)
    # a line that is included (right leaf hash) but breaks the chain rule fails check (f)
    broken = sub(lines[4], b'"n":', b'"m":')
    forged = lines[:4] + [broken] + lines[5:]
    cpf = checkpoint(37, mth(forged))
    hashes = "".join(b64(x) + "\n" for x in path(4, forged))
    p = write(tmp_path, "pf", f"c2sp.org/tlog-proof@v1\nextra {b64(broken)}\nindex 4\n{hashes}\n{cpf}")
    expect(run("proof", p, "--vkey", LOG_V), 1, "chain hash")


# ---- check.sh (the shell way) -------------------------------------------------------------------

needs_shell_tools = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("bash", "openssl", "xxd", "sha256sum")),
    reason="check.sh needs bash, openssl, xxd and sha256sum (Debian: openssl, xxd, coreutils)")


def check_sh(*args, stdin=None):
    return subprocess.run(["bash", str(CHECK_SH), *map(str, args)], input=stdin, capture_output=True, cwd="/",
                          timeout=300)


def segment(lines, first_seq):
    """A segment as ess writes it, enough for lz4 -dc: a skippable header frame, LZ4 frames, trailers."""
    header = struct.pack("<II", 0x184D2A50, 52) + b"ESSH" + struct.pack("<HHQ", 1, 0, first_seq) + bytes(36)
    out = header
    for i in range(0, len(lines), 5):  # one frame and one trailer per commit of up to 5 events
        frame = subprocess.run(["lz4", "-c", "-q"], input=b"".join(lines[i:i + 5]), capture_output=True,
                               check=True).stdout
        out += frame + struct.pack("<II", 0x184D2A51, 84) + b"ESSC" + bytes(80)
    return out


@needs_shell_tools
def test_check_sh_vectors(tmp_path):
    journal = VEC / "journal.jsonl"
    for cp in (CP2, CP3):
        r = check_sh(journal, cp, LOG_V)
        assert r.returncode == 0, r.stderr
        assert b"verified" in r.stdout
    assert check_sh("-", CP3, LOG_V, stdin=journal.read_bytes()).returncode == 0
    r = check_sh("-", CP3, LOG_V, stdin=sub(journal.read_bytes(), b"4265", b"4266"))
    assert r.returncode == 1 and b"root" in r.stderr
    r = check_sh("-", CP3, LOG_V, stdin=b"".join(LINES[:2]))
    assert r.returncode == 1 and b"only 2" in r.stderr
    r = check_sh("-", CP3, LOG_V, stdin=LINES[1] + LINES[0] + LINES[2])
    assert r.returncode == 1 and b'{"seq":1,' in r.stderr
    bad = write(tmp_path, "bad", sub(CP2.read_text(), "1Y4wDqBdnyJPxov", "1Y4wDqBdnyJPxoV"))
    r = check_sh(journal, bad, LOG_V)
    assert r.returncode == 1 and b"does not verify" in r.stderr
    bad_root = write(tmp_path, "badroot", sub(CP2.read_text(), ROOTS_7[2], ROOTS_7[3]))
    assert check_sh(journal, bad_root, LOG_V).returncode == 1
    size_02 = write(tmp_path, "size02", sub(CP2.read_text(), "\n2\n", "\n02\n"))
    short_root = write(tmp_path, "root31", sub(CP2.read_text(), ROOTS_7[2], b64(base64.b64decode(ROOTS_7[2])[:31])))
    for args, words in (((journal, CP3, PUB_V), b"origin"), ((journal, CP3, WIT_V), b"0x01"),
                        ((journal, tmp_path / "none", LOG_V), b"cannot read"), ((journal, CP3), b"usage"),
                        ((journal, LOG_V, CP3), b"not a verifier key"),  # arguments swapped
                        ((journal, size_02, LOG_V), b"bad size"), ((journal, short_root, LOG_V), b"32 bytes")):
        r = check_sh(*args)
        assert r.returncode == 2 and words in r.stderr, (args, r.stderr)
    impostor = write(tmp_path, "impostor.vkey", vkey_of(ORIGIN, seeded_key("impostor")))
    r = check_sh(journal, CP3, impostor)
    assert r.returncode == 2 and b"no signature by the log key" in r.stderr
    for r in (check_sh(journal, bad, LOG_V), check_sh(journal, CP3, PUB_V)):
        assert len(r.stderr.strip().splitlines()) == 1


@needs_shell_tools
@pytest.mark.skipif(not shutil.which("lz4"), reason="the journal-folder mode needs lz4 (Debian: lz4)")
def test_check_sh_journal_folder(tmp_path):
    lines = make_journal(37)
    folder = tmp_path / "journal"
    (folder / "segments").mkdir(parents=True)
    (folder / "segments" / "00000000000000000001.lz4").write_bytes(segment(lines[:23], 1))
    (folder / "segments" / "00000000000000000024.lz4").write_bytes(segment(lines[23:], 24))
    for size in (0, 1, 20, 32, 37):
        cp = write(tmp_path, f"{size}.checkpoint", checkpoint(size, mth(lines[:size]), cosign=True))
        r = check_sh(folder, cp, LOG_V)
        assert r.returncode == 0, (size, r.stderr)
        # and the Python tool agrees on the same decompressed lines
        flat = subprocess.run(f"cat {folder}/segments/*.lz4 | lz4 -dc", shell=True, capture_output=True).stdout
        expect(run("root", "-", "--checkpoint", cp, "--vkey", LOG_V, "--witness", WIT_V, stdin=flat), 0)
    cp38 = write(tmp_path, "38.checkpoint", checkpoint(38, mth(lines + make_journal(38)[-1:])))
    assert check_sh(folder, cp38, LOG_V).returncode == 1
    (folder / "segments" / "00000000000000000024.lz4").write_bytes(b"not lz4")
    r = check_sh(folder, cp, LOG_V)
    assert r.returncode == 2 and b"lz4" in r.stderr


# ---- optional: the demo roots of §7 (needs a journal made by `ess demo DIR`, not built here) --------

DEMO = os.environ.get("ESS_DEMO_JOURNAL")


@pytest.mark.skipif(not DEMO or not shutil.which("lz4"),
                    reason="set ESS_DEMO_JOURNAL to a folder made by `ess demo DIR` (and install lz4) to check "
                           "the demo roots of PROOFS.md §7")
def test_demo_roots():
    flat = subprocess.run(f"cat {DEMO}/segments/*.lz4 | lz4 -dc", shell=True, capture_output=True, check=True).stdout
    lines = flat.splitlines(keepends=True)
    assert len(lines) == 1358 and lines[-1].endswith(
        b"4e95a2d1a5699084e6eaea7b6c960ea060ec6771817fc3b406e72ef99916ff2b\"}\n")
    assert b64(A.merkle_root(A.leaf_hash(x) for x in lines)) == "Dgq69NqTPCmZ5nn3KagYY2qbuEUNBey6XlR6v29CbwM="
    assert b64(A.merkle_root(A.leaf_hash(x) for x in lines[:1000])) == "T+k4mpRf4O/v+Thpgln4nPBUr5wvzA9YXbfuFJpcADM="
    out = expect(run("root", "-", stdin=flat), 0).stdout.decode()
    assert "Dgq69NqTPCmZ5nn3KagYY2qbuEUNBey6XlR6v29CbwM=" in out
