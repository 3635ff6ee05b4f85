package scan_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/scan"
	"proofkeys/backend/scan/scantest"
)

// sarifSchema compiles the official SARIF 2.1.0 schema, kept in testdata.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(url, doc))
	s, err := c.Compile(url)
	require.NoError(t, err)
	return s
}

func TestSARIFIsValidAgainstTheSchema(t *testing.T) {
	p := plant(t)
	schema := sarifSchema(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}}, p.inv)
	require.NoError(t, err)
	for name, res := range map[string]scan.Result{"findings": r, "nothing found": {Mode: scan.Folders}} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, scan.WriteSARIF(&out, res))
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
			require.NoError(t, err)
			require.NoError(t, schema.Validate(doc))
			doc.(map[string]any)["version"] = "2.2"
			assert.Error(t, schema.Validate(doc), "the schema holds the version, so the check can fail")
		})
	}

	var out bytes.Buffer
	require.NoError(t, scan.WriteSARIF(&out, r))
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					Physical struct {
						Region struct {
							StartLine, StartColumn, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &log))
	require.Len(t, log.Runs[0].Results, len(r.Findings))
	for i, res := range log.Runs[0].Results {
		f := r.Findings[i]
		assert.Equal(t, "proof-api-key/"+string(f.Verdict), res.RuleID)
		if f.Verdict == scan.Active {
			assert.Equal(t, "error", res.Level)
		}
		reg := res.Locations[0].Physical.Region
		assert.Equal(t, f.Line, reg.StartLine)
		sh, _ := apikey.ShapeOf(p.org.Keys[0].Secret)
		if f.Environment == apikey.Production && f.Access == apikey.FullAccess {
			assert.Equal(t, len(sh.Prefix)+apikey.RandomLength+apikey.ChecksumLength, reg.EndColumn-reg.StartColumn)
		}
	}
}

// TestNoSecretInAnyOutput plants keys and typos and greps every output for each of them,
// and for the random part of each on its own.
func TestNoSecretInAnyOutput(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}}, p.inv)
	require.NoError(t, err)
	require.NotEmpty(t, r.Findings)
	var sarif bytes.Buffer
	require.NoError(t, scan.WriteSARIF(&sarif, r))
	asJSON, err := json.Marshal(r)
	require.NoError(t, err)
	outputs := map[string]string{"json": string(asJSON), "sarif": sarif.String(), "summary": scan.Summary(r)}
	for _, k := range p.org.Keys {
		sh, _ := apikey.ShapeOf(k.Secret)
		for _, s := range []string{k.Secret, scantest.Typo(k.Secret), k.Secret[len(sh.Prefix) : len(sh.Prefix)+apikey.RandomLength]} {
			for name, out := range outputs {
				assert.NotContains(t, out, s, "%s holds a planted %s key", name, k.Verdict)
			}
		}
	}
}
