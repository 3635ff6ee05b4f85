package installer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shipped reads the installer script `wails build -nsis` compiles.
func shipped(t *testing.T) []Command {
	t.Helper()
	dir := filepath.Join("..", "..", "build", "windows", "installer")
	project, err := os.ReadFile(filepath.Join(dir, "project.nsi"))
	require.NoError(t, err)
	tools, err := os.ReadFile(filepath.Join(dir, "wails_tools.nsh"))
	require.NoError(t, err, "wails_tools.nsh is written by `make release-windows`, and committed")
	return Uninstaller(string(project), string(tools))
}

func TestTheUninstallerKeepsTheDataFolder(t *testing.T) {
	cmds := shipped(t)
	var removed []string
	for _, c := range cmds {
		assert.False(t, c.RunsProgram(), "the uninstaller runs %s %v, which could remove the data or the vault items", c.Name, c.Args)
		if p, ok := c.Removes(); ok {
			removed = append(removed, p)
			assert.False(t, Threatens(p, DataFolder), "the uninstaller's %s %q could remove the data folder %s", c.Name, p, DataFolder)
		}
	}
	// what it does remove, so that a reading that finds nothing cannot pass
	assert.Contains(t, removed, `$INSTDIR`, "removes the program folder")
	assert.Contains(t, removed, `$INSTDIR\uninstall.exe`, "removes itself (a macro of wails_tools.nsh)")
	assert.Contains(t, removed, `$SMPROGRAMS\proofkeys.lnk`, "removes the Start menu entry (defines expanded)")
}

// TestWhatCountsAsRemovingTheData feeds the reading uninstallers that would lose the
// data, and ones that would not.
func TestWhatCountsAsRemovingTheData(t *testing.T) {
	const defs = "!define INFO_PROJECTNAME \"proofkeys\"\n!define PRODUCT_EXECUTABLE \"${INFO_PROJECTNAME}.exe\"\n"
	for _, tt := range []struct {
		name, script string
		loses        bool
	}{
		{"the data folder by its define", `Section "uninstall"` + "\n" + `RMDir /r "$AppData\${INFO_PROJECTNAME}"` + "\nSectionEnd", true},
		{"all of AppData", "Section uninstall\n  RMDir /r $APPDATA\nSectionEnd", true},
		{"the database file", `Section "un.data"` + "\n" + `Delete "$AppData\proofkeys\proofkeys.db"` + "\nSectionEnd", true},
		{"a wildcard in the folder", "Section \"uninstall\"\nDelete $AppData\\proofkeys\\*.*\nSectionEnd", true},
		{"a wildcard over AppData", "Section \"uninstall\"\nRMDir /r /REBOOTOK \"$APPDATA\\proof*\"\nSectionEnd", true},
		{"through the profile folder", "Section \"uninstall\"\nRMDir /r \"$PROFILE/AppData/Roaming/ProofKeys/\"\nSectionEnd", true},
		{"inside a macro", "!macro clean\n  RMDir /r \"$AppData\\proofkeys\"\n!macroend\nSection \"uninstall\"\n!insertmacro clean\nSectionEnd", true},
		{"in an un. function", "Function un.onUninstSuccess\n  RMDir /r \"$AppData\\proofkeys\"\nFunctionEnd", true},
		{"a folder held in a variable", "Section \"uninstall\"\nRMDir /r $0\nSectionEnd", true},
		{"WebView2's cache, next to it", `Section "uninstall"` + "\n" + `RMDir /r "$AppData\${PRODUCT_EXECUTABLE}" # cache` + "\nSectionEnd", false},
		{"a folder whose name starts the same", "Section \"uninstall\"\nRMDir /r \"$AppData\\proofkeys-old\"\nSectionEnd", false},
		{"the installer section", "Section\nRMDir /r \"$AppData\\proofkeys\"\nSectionEnd", false},
		{"a comment", "Section \"uninstall\"\n; RMDir /r \"$AppData\\proofkeys\"\nSectionEnd", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			loses := false
			for _, c := range Uninstaller(defs + tt.script) {
				if p, ok := c.Removes(); ok && Threatens(p, DataFolder) {
					loses = true
				}
			}
			assert.Equal(t, tt.loses, loses)
		})
	}
}

func TestAProgramRunByTheUninstaller(t *testing.T) {
	cmds := Uninstaller("Section \"uninstall\"\n  ExecWait 'cmd /c rd /s /q \"%APPDATA%\\proofkeys\"'\n  nsExec::Exec \"cmdkey /delete:proofkeys\"\nSectionEnd")
	require.Len(t, cmds, 2)
	for _, c := range cmds {
		assert.True(t, c.RunsProgram(), strings.Join(c.Args, " "))
	}
}
