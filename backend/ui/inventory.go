package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"proofkeys/backend/inventory"
)

// Inventory is the Inventory page: every key the organization has had, and its exports.
type Inventory struct{ c *core }

// errExportFormat: the UI asked for an export format that does not exist.
var errExportFormat = errors.New("unknown export format")

// exportFormats are the inventory's exports: the writer and the save dialog's filter.
var exportFormats = map[string]struct {
	filter string
	write  func(io.Writer, inventory.Report) error
}{
	"csv":  {"CSV files", func(w io.Writer, r inventory.Report) error { return inventory.WriteCSV(w, r.Rows) }},
	"json": {"JSON files", inventory.WriteJSON},
	"html": {"Web pages", inventory.WriteHTML},
}

// ExportView says where an export was saved; Path is "" when the person cancelled.
type ExportView struct {
	Path string `json:"path"`
	Keys int    `json:"keys"`
}

// GetInventory is every key the organization has had, with the summary and age chart.
// Any member may review it.
func (x *Inventory) GetInventory() (inventory.Report, error) {
	return with(x.c, x.report)
}

func (x *Inventory) report(s *services) (inventory.Report, error) {
	return s.inventory.Inventory(x.c.member(s))
}

// ExportInventory asks where to save the whole inventory as format (csv, json or html)
// and writes it there. The file is owner-only: it names members and keys (never a secret).
func (x *Inventory) ExportInventory(format string) (ExportView, error) {
	return with(x.c, func(s *services) (ExportView, error) { return x.export(s, format) })
}

func (x *Inventory) export(s *services, format string) (ExportView, error) {
	f, ok := exportFormats[format]
	if !ok {
		return ExportView{}, fmt.Errorf("%w: %q", errExportFormat, format)
	}
	r, err := x.report(s)
	if err != nil {
		return ExportView{}, err
	}
	var buf bytes.Buffer
	if err := f.write(&buf, r); err != nil {
		return ExportView{}, err
	}
	about := r.About()
	path, err := x.c.desktop.SaveFileDialog("Export the key inventory", about.FileName("inventory", format), f.filter, "*."+format)
	if err != nil || path == "" {
		return ExportView{}, err
	}
	if err := savePrivate(path, buf.Bytes(), format, about.Text("the key inventory of "+r.OrgName)); err != nil {
		return ExportView{}, err
	}
	return ExportView{Path: path, Keys: len(r.Rows)}, nil
}
