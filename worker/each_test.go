package worker_test

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/worker"
)

func TestEach(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	g := &worker.Ingester{Store: db, Analyzer: sharedAnalyzer(), Workers: 2}
	out, err := g.Each(ctx, stories(3))
	if err != nil {
		t.Fatal(err)
	}
	// Input order: story-0, story-1, blank, gone, story-2.
	want := []struct{ source, status string }{
		{"story-0.txt", sitrep.OutcomeNew}, {"story-1.txt", sitrep.OutcomeNew}, {"blank.txt", sitrep.OutcomeSkipped},
		{"gone.txt", sitrep.OutcomeFailed}, {"story-2.txt", sitrep.OutcomeNew},
	}
	if len(out) != len(want) {
		t.Fatalf("outcomes %+v", out)
	}
	for i, w := range want {
		o := out[i]
		if o.Source != w.source || o.Status != w.status {
			t.Errorf("%d: %+v, want %s %s", i, o, w.source, w.status)
		}
		if (o.Status == sitrep.OutcomeNew) != (o.Document != "") {
			t.Errorf("%d: document %q", i, o.Document)
		}
		if o.Status == sitrep.OutcomeSkipped && o.Reason == "" || o.Status == sitrep.OutcomeFailed && o.Message == "" {
			t.Errorf("%d: no reason or message: %+v", i, o)
		}
	}
	// Again: unchanged, nothing analysed; the same text from another
	// source is a duplicate.
	out, err = g.Each(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		if err := stories(1)(ctx, emit, fail); err != nil {
			return err
		}
		in := &sitrep.Input{Source: "copy.txt", Format: sitrep.FormatText, Published: sitrep.Date{Year: 2024, Month: 6, Day: 2},
			Body: "Gunmen attacked a checkpoint in Quetta on Monday, killing 2 soldiers, officials said.\n\n" +
				"\"This attack will not go unpunished,\" Pakistan's army chief General Asim Munir said in Islamabad.\n", URL: "https://example.com/copy"}
		return emit(in)
	})
	if err != nil {
		t.Fatal(err)
	}
	// stories(1) is story-0, blank and gone.
	if len(out) != 4 || out[0].Status != sitrep.OutcomeUnchanged || out[3].Status != sitrep.OutcomeDuplicate || out[3].Document == "" {
		t.Errorf("second walk: %+v", out)
	}
	// A cancelled context stores nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := g.Each(cctx, stories(2)); err == nil {
		t.Errorf("cancelled: no error")
	}
}
