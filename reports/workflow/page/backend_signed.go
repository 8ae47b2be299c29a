package page

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"os"
	"path/filepath"
	"time"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signature"
	"github.com/mn2010/baocao/reports/signedcopy"
	"github.com/mn2010/baocao/reports/workflow"
)

// UploadSigned checks, stores and (for a version waiting for it) sends a
// signed copy, with the workflow of `baocao signed`.
func (b *ReportsBackend) UploadSigned(ctx context.Context, who string, v web.VersionRef, data []byte) (*web.SignedUpload, error) {
	if _, _, err := b.entry(v.Report, v.Period, v.Version); err != nil {
		return nil, err
	}
	mail, err := b.mail()
	if err != nil {
		return nil, err
	}
	out, err := workflow.NewJob(b.maker, mail, nil).AcceptSigned(ctx, workflow.SignedOptions{Report: v.Report, Period: v.Period,
		Version: v.Version, Data: data, By: who, Via: "web"})
	var r *signature.Refusal
	switch {
	case errors.As(err, &r):
		return nil, fmt.Errorf("%w: %s", web.ErrRefused, r.Error())
	case err != nil:
		return nil, err
	}
	up := &web.SignedUpload{Version: web.VersionRef{Report: out.Entry.Report, Period: out.Entry.Period, Version: out.Entry.Version}, Fresh: out.Fresh, Sent: out.Sent}
	switch {
	case out.SendErr != nil:
		return up, &web.SendFailure{Transient: out.Status == delivery.Pending, Reason: catalog.PbSignedUnsent.String(),
			Fix: catalog.PbSignedUnsFix.String(), Err: out.SendErr}
	case !out.Fresh:
		up.Message = catalog.PbSignedAgain.String()
	case out.Sent:
		up.Message = catalog.PbSignedSent.String()
	default:
		up.Message = catalog.PbSignedSaved.String()
	}
	return up, nil
}

// signedCopy is a version's signed copy as the page shows it.
func (b *ReportsBackend) signedCopy(e archive.Entry) (*web.SignedCopy, error) {
	c, err := signedcopy.Read(e.Dir)
	if err != nil || c == nil {
		return nil, err
	}
	sc := &web.SignedCopy{File: c.File, Bytes: c.Bytes, Signers: workflow.SignerLines(c, b.cfg.Location), By: c.By, Via: c.Via}
	if t, err := time.Parse(time.RFC3339, c.ReceivedAt); err == nil {
		sc.ReceivedAt = t.In(b.cfg.Location)
	}
	return sc, nil
}

// signedFile opens a version's signed copy by name, checked against its
// record's hash; ok is false when name is not the signed copy.
func (b *ReportsBackend) signedFile(e archive.Entry, name string) (*web.File, bool, error) {
	c, err := signedcopy.Read(e.Dir)
	if err != nil || c == nil || c.File != name {
		return nil, false, err
	}
	data, err := c.Data(e.Dir)
	if err != nil {
		return nil, true, err
	}
	f := &web.File{Name: c.File, ContentType: "application/pdf", Content: nopCloser{bytes.NewReader(data)}}
	if st, err := os.Stat(filepath.Join(e.Dir, c.File)); err == nil {
		f.ModTime = st.ModTime()
	}
	return f, true, nil
}
