package truecase

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// testLexicon is built from a few sentences and names, so that the rules
// are tested apart from the embedded lexicon.
func testLexicon() *Lexicon {
	b := NewBuilder()
	for _, s := range []string{
		"Yesterday the rebels of the Front attacked a town near the capital , police said .",
		"Yesterday people in New York and New York City said the attack was terrible .",
		"Yesterday the new report by McDonald says a new front opened in New York .",
		"Yesterday the army and the police said that the people had left the town .",
		"Yesterday the brigade may leave , the rifle was lost and we did not see John Paul or the camion de la ruta .",
	} {
		b.AddSentence(strings.Fields(s))
	}
	b.AddName("Shining Path")
	b.AddName("TTP")
	b.AddPlace("Usulutan", false)
	b.AddPlace("San Miguel", true)
	return b.Lexicon()
}

func TestIsAllCaps(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED.", true},
		{"THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS (reuters) WERE KIDNAPPED.", false},
		{"The army said on Monday that about fifty people had been kidnapped in the north.", false},
		{"SHORT TEXT.", false},
		{"", false},
	} {
		if got := IsAllCaps(tt.text); got != tt.want {
			t.Errorf("IsAllCaps(%q) = %v", tt.text, got)
		}
	}
}

func TestRecaseRules(t *testing.T) {
	l := testLexicon()
	for _, tt := range []struct{ name, in, want string }{
		{"known words and sentence starts", "THE REBELS ATTACKED THE TOWN. POLICE SAID SO.", "The rebels attacked the town. Police said so."},
		{"unknown names", "THE PEOPLE OF USULUTAN LEFT.", "The people of Usulutan left."},
		{"phrase", "PEOPLE IN NEW YORK SAID THE NEW REPORT WAS TERRIBLE.", "People in New York said the new report was terrible."},
		{"phrase over a line break", "THE ATTACK IN NEW\nYORK.", "The attack in New\nYork."},
		{"place phrase", "THE TOWN NEAR SAN MIGUEL.", "The town near San Miguel."},
		{"knowledge-base phrase", "THE SHINING PATH ATTACKED.", "The Shining Path attacked."},
		{"mixed form", "MCDONALD SAID.", "McDonald said."},
		{"acronym without vowels", "THE FMLN AND THE TTP ATTACKED.", "The FMLN and the TTP attacked."},
		{"acronym in brackets", "THE FRONT [ARENA] ATTACKED.", "The front [ARENA] attacked."},
		{"initials do not end a sentence", "THE U.S. ARMY SAID. MR. LOPEZ LEFT.", "The U.S. army said. Mr. Lopez left."},
		{"suffix joined to a number", "THE 3D BRIGADE ON THE 19TH.", "The 3d brigade on the 19th."},
		{"months beside numbers", "ON 3 MAY 90 PEOPLE MAY LEAVE. ON MARCH 5 THEY SAID.", "On 3 May 90 people may leave. On March 5 they said."},
		{"single letters", "A TOWN AND AN M-16 RIFLE; I SAID A-1.", "A town and an M-16 rifle; I said A-1."},
		{"apostrophes", "THE PEOPLE'S ARMY DIDN'T ATTACK D'AUBUISSON.", "The people's army didn't attack D'Aubuisson."},
		{"dateline and header brackets", "SAN MIGUEL, 3 JAN 90 -- [TEXT] THE ARMY SAID.", "San Miguel, 3 Jan 90 -- [Text] The army said."},
		{"quotation opens a sentence", `POLICE SAID: "THE TOWN IS LOST."`, `Police said: "The town is lost."`},
		{"blank line opens a sentence", "THE ARMY SAID\n\nTHE TOWN", "The army said\n\nThe town"},
		{"roman numeral", "JOHN PAUL II SAID.", "John Paul II said."},
		{"non-ASCII letters", "THE CAMIÓN OF JOSÉ.", "The Camión of José."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := l.Recase(tt.in)
			if got != tt.want {
				t.Errorf("Recase(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if len(got) != len(tt.in) {
				t.Errorf("length %d, want %d", len(got), len(tt.in))
			}
		})
	}
}

func TestRecaseDefault(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"TERRORISTS OF THE FMLN ATTACKED A POLICE POST IN SAN SALVADOR ON 3 JAN 90.",
			"Terrorists of the FMLN attacked a police post in San Salvador on 3 Jan 90."},
		{"THE TTP CLAIMED RESPONSIBILITY FOR THE ATTACK IN PESHAWAR, POLICE SAID.",
			"The TTP claimed responsibility for the attack in Peshawar, police said."},
	} {
		if got := Recase(tt.in); got != tt.want {
			t.Errorf("Recase(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 10000 || len(l.phrases) == 0 || len(l.suffix) == 0 || l.bigramTotal == 0 {
		t.Errorf("embedded lexicon: %d words, %d phrase heads, %d suffixes, %d letter pairs", l.Len(), len(l.phrases), len(l.suffix), l.bigramTotal)
	}
}

func TestLexiconRoundTrip(t *testing.T) {
	l := testLexicon()
	var buf bytes.Buffer
	if err := l.Write(&buf, "test\nlexicon"); err != nil {
		t.Fatal(err)
	}
	m, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l.words, m.words) || !reflect.DeepEqual(l.suffix, m.suffix) || l.totals != m.totals || l.bigramTotal != m.bigramTotal || !reflect.DeepEqual(l.phrases, m.phrases) {
		t.Error("the lexicon read back differs")
	}
	var again bytes.Buffer
	if err := m.Write(&again, "test\nlexicon"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("writing is not deterministic")
	}
	for _, bad := range []string{"w\tx\tq\n", "w\tmc\tm\tXX\n", "p\tAlone\n", "s\tab\t1\n", "z\n"} {
		var b bytes.Buffer
		zw := gzipWriter(&b)
		zw.Write([]byte(bad))
		zw.Close()
		if _, err := Read(&b); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := Read(strings.NewReader("not gzip")); err == nil {
		t.Error("not gzip: no error")
	}
}

func TestStage(t *testing.T) {
	doc := &sitrep.Document{Title: "ATTACK IN PESHAWAR", Text: "THE TTP CLAIMED RESPONSIBILITY FOR THE ATTACK IN PESHAWAR, POLICE SAID ON MONDAY."}
	s := Stage{}
	if s.Name() != "truecase" {
		t.Errorf("name %q", s.Name())
	}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Text != "The TTP claimed responsibility for the attack in Peshawar, police said on Monday." || doc.Title != "Attack in Peshawar" {
		t.Errorf("text %q, title %q", doc.Text, doc.Title)
	}
	mixed := &sitrep.Document{Text: "The TTP claimed responsibility for the attack in Peshawar, POLICE SAID on Monday."}
	before := mixed.Text
	if err := s.Process(context.Background(), mixed); err != nil || mixed.Text != before {
		t.Errorf("a mixed-case text was changed: %q %v", mixed.Text, err)
	}
}

// FuzzRecase checks the invariants: same length, only letters change, and
// each only in case.
func FuzzRecase(f *testing.F) {
	for _, s := range []string{"THE FMLN ATTACKED.", "D'AUBUISSON'S 19TH M-16 [ARENA] U.S.", "ÉL ÇA İSTANBUL ǅ", "--\n\n\"X\"", "\xff\xfeA"} {
		f.Add(s)
	}
	l, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := l.Recase(s)
		if len(out) != len(s) {
			t.Fatalf("length %d, want %d", len(out), len(s))
		}
		if !strings.EqualFold(out, s) && utf8.ValidString(s) {
			t.Fatalf("%q became %q", s, out)
		}
		for i := 0; i < len(s); i++ {
			if s[i] < utf8.RuneSelf && s[i] != out[i] && !(isASCIILetter(s[i]) && s[i]|0x20 == out[i]|0x20) {
				t.Fatalf("byte %d: %q became %q", i, s[i], out[i])
			}
		}
	})
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// benchText is an all-caps wire story of about 2 KB, written for the
// benchmark.
const benchText = `   SAN SALVADOR, 3 JAN 90 (EXAMPLE) -- [TEXT] THE ARMED FORCES PRESS COMMITTEE
REPORTED TODAY THAT URBAN COMMANDOS OF THE FARABUNDO MARTI NATIONAL LIBERATION
FRONT [FMLN] SET OFF A BOMB AT A BUS STATION IN USULUTAN YESTERDAY AFTERNOON,
KILLING FIVE PEASANTS AND WOUNDING TWO SOLDIERS WHO WERE GUARDING THE STATION.

   ACCORDING TO THE REPORT, THE 3D INFANTRY BRIGADE LATER CLASHED WITH A REBEL
COLUMN NEAR SAN MIGUEL. COL. JOSE PEREZ SAID THAT AN M-16 RIFLE, CARTRIDGE CLIPS
AND AMMUNITION WERE SEIZED. "WE WILL CONTINUE OUR OPERATIONS AGAINST THE
TERRORISTS," HE SAID. THE U.S. EMBASSY CONDEMNED THE ATTACK ON 4 JAN.

   IN A SEPARATE INCIDENT, ARMED MEN KIDNAPPED THE MAYOR OF SANTA ELENA ON 30
DECEMBER. THE PEOPLE'S REVOLUTIONARY ARMY DIDN'T CLAIM RESPONSIBILITY, BUT
POLICE SUSPECT D'AUBUISSON'S FOLLOWERS. THE MAYOR'S FAMILY APPEALED FOR HIS
RELEASE ON RADIO VENCEREMOS AND ON NATIONAL TELEVISION.
`

func BenchmarkRecase(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		l.Recase(benchText)
	}
}

func gzipWriter(w io.Writer) *gzip.Writer { return gzip.NewWriter(w) }
