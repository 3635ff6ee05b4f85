package scan

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// SARIF is the Static Analysis Results Interchange Format, version 2.1.0, which
// code-scanning tools (GitHub's among them) read. Only what a finding needs is written.

// sarifSchema is the schema the document names; it is the one the tests validate against.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool      `json:"tool"`
	ColumnKind string         `json:"columnKind"`
	Results    []sarifResult  `json:"results"`
	Properties map[string]any `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name  string      `json:"name"`
	Rules []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	ShortDescription sarifMessage `json:"shortDescription"`
	DefaultConfig    sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifMessage    `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties map[string]any  `json:"properties"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndColumn   int `json:"endColumn"`
}

// sarifRules is one rule per verdict, in this order; its level says how urgent it is.
var sarifRules = []struct {
	verdict Verdict
	level   string
	text    string
}{
	{Active, "error", "A working Proof API key of this organization is exposed: replace it now."},
	{Expiring, "error", "A replaced Proof API key that still works is exposed: delete it now."},
	{AnotherEnvironment, "error", "A working Proof API key of this organization, of the other environment, is exposed: replace it now."},
	{NotOurs, "warning", "A valid Proof API key that is not this organization's is exposed: it may work for another organization."},
	{Deleted, "note", "A deleted Proof API key: harmless now."},
	{Replaced, "note", "A replaced Proof API key that no longer works: harmless now."},
	{ClientOnly, "note", "A client-only Proof API key, which may be exposed."},
}

// WriteSARIF writes r as a SARIF 2.1.0 log: a result per finding, by hint, file, line and
// column. Typos are counted in the run's properties, not reported: they are not keys.
func WriteSARIF(w io.Writer, r Result) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "proofkeys"}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: map[string]any{"mode": r.Mode, "typos": r.Counts.Typos, "files": r.Counts.Files, "cancelled": r.Cancelled},
	}
	index := map[Verdict]int{}
	for i, rule := range sarifRules {
		index[rule.verdict] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: "proof-api-key/" + string(rule.verdict), Name: "ProofAPIKey" + string(rule.verdict),
			ShortDescription: sarifMessage{Text: rule.text}, DefaultConfig: sarifConfig{Level: rule.level},
		})
	}
	for _, f := range r.Findings {
		i := index[f.Verdict]
		run.Results = append(run.Results, sarifResult{
			RuleID: run.Tool.Driver.Rules[i].ID, RuleIndex: i, Level: sarifRules[i].level,
			Message:    sarifMessage{Text: sarifText(f)},
			Locations:  []sarifLocation{{Physical: sarifPhysical{Artifact: sarifArtifact{URI: artifactURI(f.Path)}, Region: region(f.Location, f.Key)}}},
			Properties: sarifProperties(f),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifText is the result's message: the hint, the key's name if it is the
// organization's, the advice, and for history the commit.
func sarifText(f Finding) string {
	text := f.Key + ": " + f.Advice
	if f.Commit != "" {
		text += fmt.Sprintf(" (in commit %s of %s)", f.Commit, f.AuthorDate.Format(time.RFC3339))
	}
	return text
}

func sarifProperties(f Finding) map[string]any {
	p := map[string]any{"key": f.Key, "verdict": f.Verdict, "live": f.Live, "environment": f.Environment}
	if f.KeyID != "" {
		p["keyId"], p["keyName"] = f.KeyID, f.KeyName
	}
	if f.Commit != "" {
		p["commit"], p["authorDate"] = f.Commit, f.AuthorDate.Format(time.RFC3339)
	}
	return p
}

// region spans the key: it starts at the finding and is as long as a key of its prefix.
func region(at Location, hint string) sarifRegion {
	prefix, _, _ := strings.Cut(hint, "…")
	return sarifRegion{StartLine: at.Line, StartColumn: at.Column, EndColumn: at.Column + len(prefix) + bodyLength}
}

// artifactURI is a relative reference for a relative path (what code-scanning tools
// expect, from the repository's top) and a file URI for an absolute one.
func artifactURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // a Windows drive letter
		}
	}
	return u.String()
}
