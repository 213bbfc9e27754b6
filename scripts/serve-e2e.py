#!/usr/bin/env python3
"""End to end test of `sop serve` in a real headless Chromium (Selenium + chromedriver).

Usage: serve-e2e.py SOP_BINARY REPO_ROOT SCREENSHOT_DIR

Starts a journal with four users, serves the repository's SOPs on a free loopback port, and drives
Chromium at phone width (390x844): a Kasi logs in, opens a case of the reference SOP (with an XSS
payload in its data) and acts; the Petugas sees it in Tugas saya and acts; the Kadis cannot act
before the Kabid (the engine's reason is shown); a form posted without its CSRF token is refused.
A screenshot of each page is written to SCREENSHOT_DIR. Exit 0 when every check passes.
"""
import os, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sop, root, shots = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)
work = tempfile.mkdtemp(prefix="sop-serve-e2e-")
db = os.path.join(work, "sop.sqlite")
PAYLOAD = "<img src=x onerror=alert(1)><script>document.title='pwned'</script>"
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def password(name):
    return f"rahasia-{name}-123"


for name, role in [("sari", "kasi"), ("budi", "petugas"), ("joko", "kabid"), ("dewi", "kadis")]:
    subprocess.run([sop, "user", "add", name, "--role", role, "--db", db, "--sops", os.path.join(root, "sops")],
                   input=password(name) + "\n", text=True, check=True, capture_output=True)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = f"http://127.0.0.1:{port}"
log = open(os.path.join(work, "serve.log"), "w")
drafts = os.path.join(work, "drafts")
os.makedirs(drafts)
draft = os.path.join(drafts, "anak-jalanan.yaml")
with open(os.path.join(root, "sops", "anak-jalanan.yaml")) as original:
    good = original.read()
with open(draft, "w") as out:
    out.write(good)
server = subprocess.Popen([sop, "serve", "--db", db, "--sops", os.path.join(root, "sops"), "--sops", drafts, "--listen", f"127.0.0.1:{port}"],
                          stdout=log, stderr=subprocess.STDOUT)
try:
    for _ in range(300):
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=1).read() == b"ok\n":
                break
        except OSError:
            time.sleep(0.1)
    options = Options()
    options.binary_location = os.environ.get("SOP_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("SOP_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_window_size(390, 844)

    def shot(name):
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(390, max(844, min(height + 120, 4000)))
        driver.save_screenshot(os.path.join(shots, name + ".png"))
        driver.set_window_size(390, 844)

    def left(page):
        """Whether `page` (the old document's root) is gone. Chromium may answer the old node's
        question with "Node with given id does not belong to the document" instead of a stale
        element: that too means the next page is there (Selenium's staleness_of lets it through)."""
        def gone(_):
            try:
                page.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return True
                raise
        return gone

    def submit(button):
        """Clicks a submit button and waits for the next page."""
        page = driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(driver, 20).until(left(page))
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.TAG_NAME, "main"))

    def login(name):
        driver.get(base + "/masuk")
        driver.find_element(By.NAME, "nama").send_keys(name)
        driver.find_element(By.NAME, "sandi").send_keys(password(name))
        submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    def logout():
        submit(driver.find_element(By.CSS_SELECTOR, "nav form button"))

    def act(role):
        form = driver.find_element(By.CSS_SELECTOR, "form.action")
        form.find_element(By.CSS_SELECTOR, f"select[name=peran] option[value='{role}']").click()
        submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    driver.get(base + "/masuk")
    shot("01-masuk")
    login("sari")
    check(driver.current_url.endswith("/tugas"), "the Kasi lands on Tugas saya")
    shot("02-tugas-kosong")
    driver.get(base + "/kasus/baru?sop=anak-jalanan")
    driver.find_element(By.NAME, "data.nama_anak").send_keys("Budi")
    driver.find_element(By.CSS_SELECTOR, "select[name='data.putus_sekolah'] option[value=true]").click()
    driver.find_element(By.NAME, "data.lokasi_penjangkauan").send_keys(PAYLOAD)
    shot("03-kasus-baru")
    submit(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    case_url = driver.current_url.split("?")[0]
    case_id = case_url.rsplit("/", 1)[1]
    check(case_id.startswith("AJ-"), f"a case was opened ({case_id})")
    check(PAYLOAD in driver.find_element(By.TAG_NAME, "main").text, "the XSS payload renders as text")
    check(driver.title != "pwned" and not driver.find_elements(By.CSS_SELECTOR, "main img, main script"), "the payload made no element")
    shot("04-kasus")
    act("kasi")
    check("Tercatat." in driver.page_source, "the Kasi's action is recorded")
    driver.get(base + "/kasus")
    shot("05-daftar-kasus")
    logout()

    login("budi")
    check(case_id in driver.find_element(By.TAG_NAME, "main").text, "the Petugas sees the case in Tugas saya")
    shot("06-tugas-petugas")
    submit(driver.find_element(By.LINK_TEXT, case_id))
    act("petugas")
    check("Tercatat." in driver.page_source, "the Petugas's action is recorded")
    logout()

    login("dewi")
    driver.get(case_url)
    act("kadis")
    check("Ditolak:" in driver.page_source and "kabid" in driver.page_source, "the Kadis cannot act before the Kabid, with the engine's reason")
    shot("07-ditolak")
    # The same form without its CSRF token.
    driver.get(case_url)
    driver.execute_script("document.querySelectorAll('form.action input[name=csrf]').forEach(e => e.remove())")
    act("kadis")
    check("kedaluwarsa atau tidak sah" in driver.page_source, "a form without its CSRF token is refused")
    shot("08-csrf")
    for name, path in [("09-laporan", "/laporan"), ("10-sesi", "/sesi"), ("11-sop", "/sop/anak-jalanan")]:
        driver.get(base + path)
        check(driver.find_elements(By.TAG_NAME, "h1") or driver.find_elements(By.TAG_NAME, "table"), f"{path} shows a page")
        shot(name)
    # The SOP page draws the printed document's flowchart and offers its PDF (or says why not).
    diagrams = driver.find_elements(By.CSS_SELECTOR, "main svg.diagram")
    check(diagrams and diagrams[0].size["width"] <= 390 and diagrams[0].find_elements(By.CSS_SELECTOR, "[data-symbol]"),
          "the SOP page shows the flowchart, within the phone's width")
    check(driver.find_elements(By.ID, "unduh-pdf") or driver.find_elements(By.ID, "pdf-tidak-ada"), "the SOP page offers the PDF or says why not")
    if driver.find_elements(By.ID, "unduh-pdf"):
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        pdf = urllib.request.urlopen(urllib.request.Request(base + "/sop/anak-jalanan/pdf", headers={"Cookie": cookie}), timeout=120).read()
        check(pdf.startswith(b"%PDF"), "the SOP's PDF download is a PDF")
    # Pratinjau follows the file on disk without a reload.
    driver.get(base + "/pratinjau?berkas=1-anak-jalanan.yaml")
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "diagnostik"))
    shot("12-pratinjau")
    time.sleep(1)
    with open(draft, "w") as out:
        out.write(good.replace("pelaksana: [kasi, petugas]", "pelaksana: [kasi, petugaz]"))
    try:
        def shows_error(d):
            try:
                return "petugaz" in d.execute_script("return document.getElementById('diagnostik').textContent")
            except Exception:
                return False  # replaced while read: look again
        WebDriverWait(driver, 10).until(shows_error)
        updated = True
    except Exception:
        updated = False
    check(updated, "Pratinjau shows the new error after the file is saved, without a reload")
    shot("13-pratinjau-galat")
    driver.quit()
finally:
    server.terminate()
    try:
        server.wait(timeout=30)  # a graceful stop lets an open event stream end (at most 20 s)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()

audit = subprocess.run([sop, "audit", "--db", db, "--case", case_id], capture_output=True, text=True).stdout
check("sari" in audit and "budi" in audit and "dewi" in audit, "sop audit shows the actions by the logged-in users")
print(f"screenshots in {shots}")
sys.exit(1 if failures else 0)
