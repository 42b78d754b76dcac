"""The flow shows in the imports: analysis never imports drawing."""
import subprocess
import sys


def test_analysis_and_pay_import_no_drawing_library():
    code = ("import sys, articlefacts.analysis, articlefacts.pay, articlefacts.corpus; "
            "print(any(m == 'matplotlib' or m.startswith('matplotlib.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
