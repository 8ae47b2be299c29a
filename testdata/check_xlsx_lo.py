"""Opens workbooks in LibreOffice Calc and checks that no row is lower than
Calc itself would make it for its text, so nothing overlaps when printed.

usage: check_xlsx_lo.py PROFILE_DIR BOOK.xlsx...

Starts its own headless soffice with its own profile (PROFILE_DIR), loads
each workbook over UNO, and for every used row compares the height the file
gives with the optimal height Calc computes for the row's content. Prints
one JSON object per workbook: {"file", "rows", "errors": [...]}.
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

TOLERANCE = 10  # 1/100 mm: Calc rounds heights to its own grid


def connect(profile):
    pipe = "baocao_check_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("soffice did not start")
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def check(desktop, path):
    hidden = PropertyValue()
    hidden.Name, hidden.Value = "Hidden", True
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (hidden,))
    errors, rows = [], 0
    try:
        for sheet in doc.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last = cursor.RangeAddress.EndRow
            for r in range(last + 1):
                row = sheet.Rows.getByIndex(r)
                given = row.Height
                row.OptimalHeight = True
                need = row.Height
                rows += 1
                if need > given + TOLERANCE:
                    errors.append("%s!row %d: height %.2f mm, Calc needs %.2f mm for its text"
                                  % (sheet.Name, r + 1, given / 100, need / 100))
    finally:
        doc.close(True)
    return {"file": path, "rows": rows, "errors": errors}


def main():
    proc, desktop = connect(sys.argv[1])
    try:
        for path in sys.argv[2:]:
            print(json.dumps(check(desktop, path), ensure_ascii=False), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
