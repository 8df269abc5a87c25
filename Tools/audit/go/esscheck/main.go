// Command esscheck checks the proof artefacts of ess (shared/spec/PROOFS.md) with nothing of ess:
// Go's standard library and golang.org/x/mod/sumdb/{note,tlog}, as Debian packages them
// (golang-go, golang-golang-x-mod-dev; GOPATH mode, Go 1.19, x/mod 0.7.0). See ../README.md.
//
// Exit status: 0 verified, 1 a check failed, 2 malformed input or bad usage; one sentence on stderr.
package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const usage = `usage:
  esscheck checkpoint FILE -vkey V [-witness W]...
  esscheck proof FILE -vkey V [-witness W]... [-event LINEFILE]
  esscheck consistency OLD.checkpoint REQUEST -vkey V [-witness W]...
  esscheck root LINES|- -checkpoint C -vkey V [-witness W]...
  esscheck receipt RECEIPT FILE -vkey PUBLISHER_V
V, W: a verifier key "name+hexid+base64", or a file holding one.`

// failed reports a check that failed (exit 1), malformed an input that cannot be checked (exit 2).
func failed(f string, a ...interface{})    { quit(1, f, a...) }
func malformed(f string, a ...interface{}) { quit(2, f, a...) }
func quit(code int, f string, a ...interface{}) {
	fmt.Fprintf(os.Stderr, "esscheck: "+f+"\n", a...)
	os.Exit(code)
}

func main() {
	cmds := map[string]func([]string){"checkpoint": cmdCheckpoint, "proof": cmdProof,
		"consistency": cmdConsistency, "root": cmdRoot, "receipt": cmdReceipt}
	if len(os.Args) < 2 || cmds[os.Args[1]] == nil {
		malformed("%s", usage)
	}
	cmds[os.Args[1]](os.Args[2:])
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type options struct {
	vkey, checkpoint, event string
	witnesses               listFlag
}

// parse reads flags placed anywhere among the npos positional arguments.
func parse(name string, args []string, npos int) (options, []string) {
	var o options
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.vkey, "vkey", "", "")
	fs.Var(&o.witnesses, "witness", "")
	fs.StringVar(&o.event, "event", "", "")
	fs.StringVar(&o.checkpoint, "checkpoint", "", "")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			malformed("%s: %v\n%s", name, err, usage)
		}
		if args = fs.Args(); len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	if len(pos) != npos || o.vkey == "" || (name == "root") != (o.checkpoint != "") || (o.event != "" && name != "proof") {
		malformed("%s: wrong arguments\n%s", name, usage)
	}
	return o, pos
}

func readFile(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		malformed("cannot read %s: %v", path, err)
	}
	return b
}

// keyText takes a key given inline or as the path of a file holding it.
func keyText(s string) string {
	if b, err := os.ReadFile(s); err == nil {
		return strings.TrimSpace(string(b))
	}
	return s
}

func logVerifier(vkey, role string) note.Verifier {
	v, err := note.NewVerifier(keyText(vkey))
	if err != nil {
		malformed("%s key %q: %v", role, keyText(vkey), err)
	}
	return v
}

// cosigner verifies tlog-cosignature/v1 lines (key type 0x04), which x/mod does not know.
// note.Open hands it the note text and the signature bytes after the 4-byte key ID.
type cosigner struct {
	name string
	id   uint32
	pub  ed25519.PublicKey
	time uint64 // of the last valid cosignature
}

func (c *cosigner) Name() string    { return c.name }
func (c *cosigner) KeyHash() uint32 { return c.id }
func (c *cosigner) Verify(text, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	msg := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), text...)
	if !ed25519.Verify(c.pub, msg, sig[8:]) {
		return false
	}
	c.time = t
	return true
}

func newCosigner(vkey string) *cosigner {
	f := strings.SplitN(vkey, "+", 3)
	if len(f) != 3 || len(f[1]) != 8 || f[0] == "" || strings.ContainsAny(f[0], " \t\n") {
		malformed("witness key %q is not name+hexid+base64", vkey)
	}
	id, err1 := strconv.ParseUint(f[1], 16, 32)
	key, err2 := base64.StdEncoding.DecodeString(f[2])
	if err1 != nil || err2 != nil || len(key) != 33 || key[0] != 0x04 {
		malformed("witness key %q is not a 0x04 (cosignature/v1) Ed25519 key", vkey)
	}
	if sum := sha256.Sum256(append([]byte(f[0]+"\n"), key...)); uint32(id) != binary.BigEndian.Uint32(sum[:4]) {
		malformed("witness key %q: its key ID does not match the key", vkey)
	}
	return &cosigner{name: f[0], id: uint32(id), pub: ed25519.PublicKey(key[1:])}
}

// openNote verifies a signed note with x/mod: every signature by a known key must be valid,
// and each known key must have signed.
func openNote(msg []byte, what string, known ...note.Verifier) *note.Note {
	n, err := note.Open(msg, note.VerifierList(known...))
	var unverified *note.UnverifiedNoteError
	var invalid *note.InvalidSignatureError
	switch {
	case errors.As(err, &invalid):
		failed("%s: the signature by %s+%08x is invalid", what, invalid.Name, invalid.Hash)
	case errors.As(err, &unverified):
		failed("%s: no signature by %s+%08x", what, known[0].Name(), known[0].KeyHash())
	case err != nil:
		malformed("%s is not a signed note: %v", what, err)
	}
	for _, v := range known {
		found := false
		for _, s := range n.Sigs {
			found = found || (s.Name == v.Name() && s.Hash == v.KeyHash())
		}
		if !found {
			failed("%s: no signature by %s+%08x", what, v.Name(), v.KeyHash())
		}
	}
	return n
}

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
	cosig  []*cosigner
}

// openCheckpoint verifies a tlog-checkpoint: log signature, the listed witnesses' cosignatures,
// three text lines (origin, size, base64 root) and origin = the log key's name.
func openCheckpoint(msg []byte, what string, vkey string, witnesses []string) *checkpoint {
	c := &checkpoint{}
	known := []note.Verifier{logVerifier(vkey, "log")}
	for _, w := range witnesses {
		cs := newCosigner(keyText(w))
		c.cosig, known = append(c.cosig, cs), append(known, cs)
	}
	lines := strings.Split(openNote(msg, what, known...).Text, "\n")
	if len(lines) != 4 {
		malformed("%s: the checkpoint text has %d lines, not 3 (origin, size, root)", what, len(lines)-1)
	}
	c.origin, c.size, c.root = lines[0], decimal(lines[1], what), hash(lines[2], what)
	if c.origin != known[0].Name() {
		malformed("%s: origin %q is not the log key's name %q", what, c.origin, known[0].Name())
	}
	return c
}

func decimal(s, what string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || s != strconv.FormatInt(n, 10) {
		malformed("%s: %q is not a decimal number", what, s)
	}
	return n
}

// canonical decodes padded standard base64, refusing any other spelling of the same bytes.
func canonical(s, what string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || base64.StdEncoding.EncodeToString(b) != s {
		malformed("%s: %.24q is not canonical base64", what, s)
	}
	return b
}

func hash(s, what string) (h tlog.Hash) {
	b := canonical(s, what)
	if len(b) != tlog.HashSize {
		malformed("%s: hash %s has %d bytes, not 32", what, s, len(b))
	}
	copy(h[:], b)
	return h
}

// line cuts the first 0A-terminated line off b.
func line(b []byte, what string) (string, []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		malformed("%s ends before its checkpoint", what)
	}
	return string(b[:i]), b[i+1:]
}

// hashes reads base64 hash lines up to a blank line; the rest is a checkpoint note.
func hashes(b []byte, what string) ([]tlog.Hash, []byte) {
	var hs []tlog.Hash
	for {
		l, rest := line(b, what)
		if l == "" {
			return hs, rest
		}
		if len(hs) == 63 {
			malformed("%s: more than 63 proof hashes", what)
		}
		hs, b = append(hs, hash(l, fmt.Sprintf("%s: proof line %d", what, len(hs)+1))), rest
	}
}

func b64(h tlog.Hash) string { return base64.StdEncoding.EncodeToString(h[:]) }

func seqPrefix(seq int64) []byte { return []byte(fmt.Sprintf(`{"seq":%d,`, seq)) }

func cmdCheckpoint(args []string) {
	o, pos := parse("checkpoint", args, 1)
	c := openCheckpoint(readFile(pos[0]), pos[0], o.vkey, o.witnesses)
	fmt.Printf("origin %s\nsize %d\nroot %s\n", c.origin, c.size, b64(c.root))
	for _, w := range c.cosig {
		t := time.Unix(int64(w.time), 0).UTC().Format(time.RFC3339)
		fmt.Printf("cosigned by %s+%08x at %d (%s)\n", w.name, w.id, w.time, t)
	}
}

// cmdProof checks a c2sp.org/tlog-proof@v1 file and prints the event line it proves.
func cmdProof(args []string) {
	o, pos := parse("proof", args, 1)
	what := pos[0]
	l, b := line(readFile(what), what)
	if l != "c2sp.org/tlog-proof@v1" {
		malformed("%s is not a c2sp.org/tlog-proof@v1 file", what)
	}
	var leaf []byte
	if l, b = line(b, what); strings.HasPrefix(l, "extra ") {
		leaf = canonical(l[len("extra "):], what+": extra")
		l, b = line(b, what)
	}
	if !strings.HasPrefix(l, "index ") {
		malformed("%s: no index line", what)
	}
	index := decimal(l[len("index "):], what+": index")
	proof, b := hashes(b, what)
	c := openCheckpoint(b, what, o.vkey, o.witnesses)
	if o.event != "" {
		event := readFile(o.event)
		if leaf != nil && !bytes.Equal(leaf, event) {
			failed("%s: the extra line is not the bytes of %s", what, o.event)
		}
		leaf = event
	}
	switch {
	case leaf == nil:
		malformed("%s has no extra line: give the event line with -event FILE", what)
	case index >= c.size:
		malformed("%s: index %d is not in the checkpoint's tree of size %d", what, index, c.size)
	case bytes.IndexByte(leaf, '\n') != len(leaf)-1:
		failed("%s: the leaf is not one line ending with its newline", what)
	case !bytes.HasPrefix(leaf, seqPrefix(index+1)):
		failed("%s: the leaf does not start with %s (index %d)", what, seqPrefix(index+1), index)
	}
	if err := tlog.CheckRecord(proof, c.size, c.root, index, tlog.RecordHash(leaf)); err != nil {
		failed("%s: leaf %d is not in the signed tree of size %d (%v)", what, index, c.size, err)
	}
	os.Stdout.Write(leaf)
}

// cmdConsistency checks a tlog-witness add-checkpoint body against the old checkpoint.
func cmdConsistency(args []string) {
	o, pos := parse("consistency", args, 2)
	old := openCheckpoint(readFile(pos[0]), pos[0], o.vkey, nil)
	what := pos[1]
	l, b := line(readFile(what), what)
	if !strings.HasPrefix(l, "old ") {
		malformed("%s: no \"old N\" line", what)
	}
	oldSize := decimal(l[len("old "):], what)
	proof, b := hashes(b, what)
	c := openCheckpoint(b, what, o.vkey, o.witnesses)
	switch {
	case old.origin != c.origin:
		failed("the origins differ: %s, %s", old.origin, c.origin)
	case oldSize > c.size:
		malformed("%s: old %d is larger than its checkpoint's size %d", what, oldSize, c.size)
	case oldSize != old.size:
		failed("%s says old %d but %s has size %d", what, oldSize, pos[0], old.size)
	case oldSize == c.size && (len(proof) != 0 || old.root != c.root):
		failed("two signed checkpoints of size %d with different roots or a non-empty proof: keep both files, they are evidence", oldSize)
	case oldSize == 0 && (len(proof) != 0 || old.root != sha256.Sum256(nil)):
		failed("the checkpoint of size 0 does not sign the empty tree's root, or the proof is not empty")
	case oldSize != 0 && oldSize != c.size:
		if err := tlog.CheckTree(proof, c.size, c.root, oldSize, old.root); err != nil {
			failed("tree %d is not a prefix of tree %d (%v): keep both files, they are evidence", oldSize, c.size, err)
		}
	}
	fmt.Printf("consistent: %s %d %s -> %d %s\n", c.origin, oldSize, b64(old.root), c.size, b64(c.root))
}

// cmdRoot recomputes the root of the first S lines (S: the checkpoint's size) with x/mod's tree code.
func cmdRoot(args []string) {
	o, pos := parse("root", args, 1)
	c := openCheckpoint(readFile(o.checkpoint), o.checkpoint, o.vkey, o.witnesses)
	in := os.Stdin
	if pos[0] != "-" {
		var err error
		if in, err = os.Open(pos[0]); err != nil {
			malformed("cannot read %s: %v", pos[0], err)
		}
	}
	r := bufio.NewReaderSize(in, 1<<20)
	hint := c.size // x/mod's stored-hash layout: about two hashes per line
	if hint > 1<<24 {
		hint = 1 << 24
	}
	stored := make([]tlog.Hash, 0, tlog.StoredHashCount(hint))
	reader := tlog.HashReaderFunc(func(ix []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(ix))
		for i, x := range ix {
			out[i] = stored[x]
		}
		return out, nil
	})
	for i := int64(0); i < c.size; i++ {
		l, err := r.ReadBytes('\n')
		switch {
		case err == io.EOF && len(l) == 0:
			failed("%s holds only %d lines, the checkpoint covers %d", pos[0], i, c.size)
		case err == io.EOF:
			malformed("%s: line %d has no final newline", pos[0], i+1)
		case err != nil:
			malformed("cannot read %s: %v", pos[0], err)
		case !bytes.HasPrefix(l, seqPrefix(i+1)):
			failed("%s: line %d does not start with %s", pos[0], i+1, seqPrefix(i+1))
		}
		hs, err := tlog.StoredHashes(i, l, reader)
		if err != nil {
			malformed("%v", err)
		}
		stored = append(stored, hs...)
	}
	root := tlog.Hash(sha256.Sum256(nil)) // RFC 9162's empty tree; x/mod's TreeHash(0) is all zeros
	if c.size > 0 {
		var err error
		if root, err = tlog.TreeHash(c.size, reader); err != nil {
			malformed("%v", err)
		}
	}
	if root != c.root {
		failed("the root of the first %d lines is %s, the checkpoint signs %s", c.size, b64(root), b64(c.root))
	}
	fmt.Printf("root %d %s matches %s\n", c.size, b64(root), o.checkpoint)
}

// cmdReceipt checks the publisher's signature on a bilan receipt and the SHA-256 and size of FILE.
func cmdReceipt(args []string) {
	o, pos := parse("receipt", args, 2)
	n := openNote(readFile(pos[0]), pos[0], logVerifier(o.vkey, "publisher"))
	if !strings.HasPrefix(n.Text, "ess.bilan-receipt/v1\n") {
		malformed("%s is not an ess.bilan-receipt/v1", pos[0])
	}
	var want []string
	for _, l := range strings.Split(n.Text, "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "sha256" && l == strings.Join(f, " ") {
			want = f
		}
	}
	if want == nil || len(want[1]) != 64 || strings.ToLower(want[1]) != want[1] {
		malformed("%s has no \"sha256 <64 hex> <bytes>\" line", pos[0])
	}
	file := readFile(pos[1])
	sum := sha256.Sum256(file)
	if got := hex.EncodeToString(sum[:]); got != want[1] || strconv.Itoa(len(file)) != want[2] {
		failed("the file's SHA-256 is %s (%d bytes), the receipt says %s (%s bytes)", got, len(file), want[1], want[2])
	}
	fmt.Print(n.Text)
}
