"""The core must run without Textual: import every core module with Textual blocked."""

import subprocess
import sys

CORE = ["clock", "paths", "validation", "plan", "timer", "record", "storage", "meeting", "live", "workforms", "picker",
        "settings", "rounds", "rebudget", "bigtext", "items", "lock", "network", "intake", "network_meetings",
        "network_commands", "meeting_plan", "sanitise", "autosave", "crash", "report", "review",
        "workform_commands"]


def test_core_imports_without_textual():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('textual is blocked in the core')\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import lerend_tui.{module}\n" for module in CORE)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
