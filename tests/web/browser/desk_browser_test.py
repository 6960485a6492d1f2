#!/usr/bin/env python3
"""Browser tests of the web desk in real headless Chromium (python3-selenium).

Builds a ledger with the real CLI over the bundled sample (plus an export whose school name
contains <script>), starts `pointage serve` on an ephemeral port, then as a clerk: opens the
dashboard, a school, an exception (its image must load), assigns it through the candidate
search, sees the candidate's state change, undoes; checks the hostile name shows as text;
logs in on a server that requires logins. Fails on any JavaScript console error.
With --screenshots DIR, saves one PNG per screen (docs/screens/ in the repository).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import (
    NoAlertPresentException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

HOSTILE = ("Session 2027;;;\r\nCERTIFICAT D'APTITUDE PROFESSIONNEL;;;\r\nListes simples;;;\r\n"
           "LYCÉE <script>alert(1)</script> & CIE  (0139999Y);;;\r\n"
           "Type d'édition : Liste simple;;;\r\nEdité le 02/12/2026 10:00;;;\r\n"
           "Critères de recherche : Aucun;;;\r\n"
           "N° Candidat;N° Inscription;Nom de famille;Nom d'usage;Prénom(s);Date de Naissance;"
           "INE;Catégorie Candidat;Code Spécialité;Spécialité;Etat\r\n"
           "02279999001;901 Version 1;<B>ONMOUSEOVER;-;Zoé;01/02/2008;0123456999K;"
           "SCOLAIRE CAP EN 2 ANS (122);50022;CUISINE;Inscrit\r\n")


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Desk:
    """A `pointage serve` process on a free port."""

    def __init__(self, pointage, env, extra):
        self.process = subprocess.Popen(
            [pointage, "serve", "--port", "0", "--as-of", "2026-12-23"] + extra,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
        self.url = None
        deadline = time.time() + 60
        lines = []
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"(http://\S+)", line)
            if m:
                self.url = m.group(1)
                break
        check(self.url, "pointage serve did not start: " + "".join(lines))
        self.base = re.match(r"(http://[^/]+)", self.url).group(1)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run(cmd, env, stdin=None):
    r = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True)
    check(r.returncode == 0, "%s failed: %s" % (" ".join(cmd), r.stderr))
    return r.stdout


def make_driver(profile):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,800",
                "--user-data-dir=" + profile):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


class Session:
    def __init__(self, driver, shots):
        self.driver = driver
        self.shots = shots
        # A form post replaces the page under a wait that reads it: an element gone stale
        # means "not yet", as a missing one does.
        self.wait = WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException])

    def console_errors(self):
        return [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    def assert_clean_console(self, where):
        errors = self.console_errors()
        check(not errors, "JavaScript console errors on %s: %s" % (where, errors))

    def shot(self, name):
        if self.shots:
            self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def navigate(self, action):
        """Runs an action that loads a new page (a click on a link or a submit button) and
        waits for the old page to go: the next wait then reads the new page, not the old one
        that happens to hold the same element."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        action()
        self.wait.until(replaced(old))

    def state(self):
        return self.driver.find_element(By.CSS_SELECTOR, ".etat-candidat .etat").text


def replaced(element):
    """EC.staleness_of, with Chromium's other answer about a node of a page being replaced:
    depending on the moment of the navigation it asks, an inspector error ("Node with given
    id does not belong to the document") comes instead of a stale element reference."""

    def gone(_driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    return gone


def clerk_journey(s, desk):
    d = s.driver
    d.get(desk.url)
    s.wait.until(EC.title_contains("Tableau de bord"))
    check(d.current_url.endswith("/"), "the token must leave the address bar: " + d.current_url)
    check(d.find_elements(By.CSS_SELECTOR, "#etablissements tbody tr"), "no school listed")
    s.shot("tableau-de-bord")
    s.assert_clean_console("dashboard")

    # A school, from the dashboard.
    # The GRETA: its candidate whose confirmation came with a scratched code (lot-002.pdf, page
    # 14) is still "nothing received" until a clerk assigns that page.
    d.find_element(By.CSS_SELECTOR, "#etablissements a[href='/etablissement/0134567U']").click()
    s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.candidats")))
    s.shot("etablissement")
    missing = d.find_elements(By.CSS_SELECTOR, "tr.s-late_missing td:first-child")
    check(missing, "expected a candidate with nothing received in 0134567U")
    number = missing[0].text.strip()

    # The candidate's state before.
    d.get(desk.base + "/candidat/" + number)
    before = s.state()

    # The exception queue, then that page (the unreadable code of lot-002.pdf, page 14).
    d.find_element(By.CSS_SELECTOR, "nav a[href='/pages']").click()
    s.wait.until(EC.presence_of_element_located((By.ID, "commencer")))
    row = next(r for r in d.find_elements(By.CSS_SELECTOR, "#file tbody tr")
               if "lot-002.pdf" in r.text and r.find_elements(By.CSS_SELECTOR, "td")[2].text == "14")
    row.find_element(By.CSS_SELECTOR, "a").click()
    image = s.wait.until(EC.presence_of_element_located((By.ID, "image-page")))
    s.wait.until(lambda _: d.execute_script(
        "const i = arguments[0]; return i.complete && i.naturalWidth > 0;", image))
    page_url = d.current_url
    page_id = re.search(r"/pages/(\d+)", page_url).group(1)
    s.shot("page-a-traiter")

    # Assign it through the search: type a name, pick the suggestion with the keyboard.
    d.get(desk.base + "/candidat/" + number)
    last_name = d.find_element(By.TAG_NAME, "h1").text.split()[0]
    d.get(page_url)
    field = s.wait.until(EC.presence_of_element_located((By.ID, "candidat")))
    d.find_element(By.TAG_NAME, "body").send_keys("a")  # keyboard shortcut focuses the field
    check(d.switch_to.active_element == field, "shortcut 'a' must focus the candidate field")
    field.send_keys(last_name.lower())
    s.wait.until(lambda _: any(number in li.text for li in d.find_elements(By.CSS_SELECTOR, "#choix li")))
    # Arrow down to the candidate, Enter to choose it, Enter again to submit.
    items = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#choix li")]
    for _ in range(next(i for i, t in enumerate(items) if number in t)):
        field.send_keys(Keys.ARROW_DOWN)
    field.send_keys(Keys.ENTER)
    check(field.get_attribute("value") == number, "choosing a suggestion fills the number")
    field.send_keys(Keys.ENTER)
    s.wait.until(EC.presence_of_element_located((By.ID, "fait")))
    check("/pages/" + page_id not in d.current_url.split("?")[0] or "fait=" in d.current_url,
          "after a decision the next page comes up")
    s.assert_clean_console("page assignment")

    d.get(desk.base + "/candidat/" + number)
    after = s.state()
    check(after != before, "state should change after assigning a confirmation (%s)" % before)
    check(d.find_elements(By.CSS_SELECTOR, "a[href='/pages/%s']" % page_id),
          "the candidate's dossier lists the page")
    s.shot("candidat")

    # Undo from the candidate's page.
    s.navigate(d.find_element(By.CSS_SELECTOR, "#decisions button[type=submit]").click)
    s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".etat-candidat")))
    check(s.state() == before, "undo restores the state (%s, now %s)" % (before, s.state()))

    # A page carrying another candidate's readable confirmation (lot-001.pdf, page 9: the stale
    # confirmation of 02270001007): refused, then confirmed explicitly, then undone.
    d.get(desk.base + "/pages")
    row = next(r for r in d.find_elements(By.CSS_SELECTOR, "#file tbody tr")
               if "lot-001.pdf" in r.text and r.find_elements(By.CSS_SELECTOR, "td")[2].text == "9")
    row.find_element(By.CSS_SELECTOR, "a").click()
    field = s.wait.until(EC.presence_of_element_located((By.ID, "candidat")))
    forced_page = re.search(r"/pages/(\d+)", d.current_url).group(1)
    field.send_keys("02270004001")
    field.send_keys(Keys.ENTER)
    box = s.wait.until(EC.presence_of_element_located((By.ID, "a-confirmer")))
    check("02270001007" in box.text, "the confirmation step names the other candidate: " + box.text)
    d.get_log("browser")  # the 409 of the refusal is expected
    s.shot("attribution-a-confirmer")
    s.navigate(d.find_element(By.ID, "confirmer-attribution").click)
    s.wait.until(EC.presence_of_element_located((By.ID, "fait")))
    s.assert_clean_console("forced assignment")
    d.get(desk.base + "/candidat/02270004001")
    check(d.find_elements(By.CSS_SELECTOR, "a[href='/pages/%s']" % forced_page),
          "the forced page joins the chosen candidate's dossier")
    s.navigate(d.find_element(By.CSS_SELECTOR, "#decisions button[type=submit]").click)
    s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".etat-candidat")))
    check(not d.find_elements(By.CSS_SELECTOR, "a[href='/pages/%s']" % forced_page),
          "undo gives the page back")

    # Registration versions, newest first (the re-export changed 02270001007 to version 2).
    d.get(desk.base + "/candidat/02270001007")
    versions = d.find_elements(By.CSS_SELECTOR, "#versions tbody tr")
    check(len(versions) == 2 and "version 2" in versions[0].text,
          "two versions, newest first: %s" % [v.text for v in versions])
    s.shot("candidat-versions")

    # Hostile data shows as text.
    d.get(desk.base + "/etablissement/0139999Y")
    check("<script>alert(1)</script>" in s.h1(), "the school's name shows as text: " + s.h1())
    try:
        d.switch_to.alert
        raise Failure("a script from the data ran")
    except NoAlertPresentException:
        pass
    d.get(desk.base + "/recherche?q=onmouseover")
    check("<B>ONMOUSEOVER" in d.find_element(By.ID, "resultats").text, "candidate name as text")
    s.shot("recherche")

    for path, name in (("/lots", "lots"), ("/journal", "journal")):
        d.get(desk.base + path)
        s.wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        if name == "lots":
            cells = d.find_elements(By.CSS_SELECTOR, "section.lot .barre a")
            check(cells, "each batch shows one cell per page")
            check(cells[0].size["width"] > 0 and cells[0].size["height"] > 0,
                  "the cells are drawn: %s" % cells[0].size)
            s.shot(name)
            d.find_element(By.CSS_SELECTOR, "section.lot h2 a").click()
            s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.vignettes img")))
            thumbs = d.find_elements(By.CSS_SELECTOR, "ul.vignettes img")
            first = thumbs[0]
            s.wait.until(lambda _: d.execute_script(
                "const i = arguments[0]; return i.complete && i.naturalWidth > 0;", first))
            name = "lot"
        s.shot(name)
    s.assert_clean_console("all screens")


def tagging_journey(s, desk, work, pointage, samples, env):
    """A CFA page sent without a separator sheet: « pièces à vérifier » until the clerk opens
    the page and presses the key of the piece it is; then the dossier is complete."""
    d = s.driver
    case = os.path.join(work, "cfa")
    os.makedirs(case)
    run([samples, "--untyped-piece", case], env)
    run([pointage, "import", os.path.join(case, "cfa.csv")], env)
    run([pointage, "ingest", "--received", "05/12/2026", os.path.join(case, "lot-cfa.pdf")], env)
    # Written by another process: the desk notices within a second or two (it may see the
    # import before the ingest).
    deadline = time.time() + 20
    while True:
        d.get(desk.base + "/candidat/02270009011")
        shown = d.find_elements(By.CSS_SELECTOR, ".etat-candidat .etat")
        if (shown and "vérifier" in shown[0].text) or time.time() > deadline:
            break
        time.sleep(0.5)
    d.get_log("browser")  # the 404s while the desk had not noticed yet
    before = s.state()
    check("vérifier" in before, "the apprentice's pieces are to check first: " + before)

    d.get(desk.base + "/pages")
    row = next((r for r in d.find_elements(By.CSS_SELECTOR, "#file tbody tr")
                if "lot-cfa.pdf" in r.text), None)
    check(row is not None, "the untyped page is in the exception queue")
    row.find_element(By.CSS_SELECTOR, "a").click()
    forms = s.wait.until(lambda _: d.find_elements(By.CSS_SELECTOR, "#identifier form"))
    key = next((f.get_attribute("id").split("-")[1] for f in forms if "CFA" in f.text), None)
    check(key, "a one-key form for the CFA piece: %s" % [f.text for f in forms])
    s.shot("piece-a-identifier")
    d.find_element(By.TAG_NAME, "body").send_keys(key)
    s.wait.until(EC.presence_of_element_located((By.ID, "fait")))
    s.assert_clean_console("one-key tagging")
    d.get(desk.base + "/candidat/02270009011")
    after = s.state()
    check("vérifier" not in after and after != before,
          "tagged as the CFA piece, the dossier is settled (%s, now %s)" % (before, after))


def signature_journey(s, desk):
    """A confirmation signed across its box: the clerk opens it from the queue, sees the zone
    the check doubted, presses « s » (signée); the candidate is complete; « u » undoes it."""
    d = s.driver
    d.get(desk.base + "/candidat/02270003001")
    check("Signature à vérifier" in s.state(), "doubtful signature first: " + s.state())
    d.get(desk.base + "/pages")
    row = next((r for r in d.find_elements(By.CSS_SELECTOR, "#file tbody tr")
                if "lot-002.pdf" in r.text and r.find_elements(By.CSS_SELECTOR, "td")[2].text == "6"),
               None)
    check(row is not None, "the doubtful confirmation is in the queue")
    s.navigate(row.find_element(By.CSS_SELECTOR, "a").click)
    crop = s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "img.zone-signature")))
    s.wait.until(lambda _: d.execute_script(
        "const i = arguments[0]; return i.complete && i.naturalWidth > i.naturalHeight;", crop))
    check("à vérifier" in d.find_element(By.ID, "etat-signature").text, "the verdict is shown")
    s.shot("signature-a-verifier")
    s.navigate(lambda: d.find_element(By.TAG_NAME, "body").send_keys("s"))
    s.wait.until(EC.presence_of_element_located((By.ID, "fait")))
    s.assert_clean_console("signature decision")
    d.get(desk.base + "/candidat/02270003001")
    check(s.state() == "Complet", "judged signed, the candidate is complete: " + s.state())
    check("jugée signée" in d.find_element(By.ID, "decisions").text, "the decision is listed")
    s.navigate(d.find_element(By.CSS_SELECTOR, "#decisions button[type=submit]").click)
    s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".etat-candidat")))
    check("Signature à vérifier" in s.state(), "undo restores the doubt: " + s.state())


UPLOADED = ("Session 2027;;;\r\nCERTIFICAT D'APTITUDE PROFESSIONNEL;;;\r\nListes simples;;;\r\n"
            "LYCÉE TÉLÉVERSÉ  (0138888R);;;\r\nType d'édition : Liste simple;;;\r\n"
            "Edité le 03/12/2026 10:00;;;\r\nCritères de recherche : Aucun;;;\r\n"
            "N° Candidat;N° Inscription;Nom de famille;Nom d'usage;Prénom(s);Date de Naissance;"
            "INE;Catégorie Candidat;Code Spécialité;Spécialité;Etat\r\n"
            "02278888001;8001 Version %(v)d;TÉLÉ;-;Lou;01/02/2008;0123456881K;"
            "SCOLAIRE CAP EN 2 ANS (122);50022;CUISINE;Inscrit\r\n"
            "02278888002;8002 Version 1;VERSÉ;-;Noa;03/04/2008;0123456882K;"
            "SCOLAIRE CAP EN 2 ANS (122);50022;CUISINE;Inscrit\r\n")


def import_journey(s, desk, work, pointage, env):
    d = s.driver
    d.get(desk.base + "/import")
    s.wait.until(EC.presence_of_element_located((By.ID, "form-export")))
    # An export through the file input (the keyboard's way)...
    path = os.path.join(work, "televersement.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(UPLOADED % {"v": 1})
    d.find_element(By.ID, "exports").send_keys(path)
    s.navigate(d.find_element(By.ID, "importer").click)
    result = s.wait.until(EC.presence_of_element_located((By.ID, "resultats-import")))
    check("televersement.csv" in result.text and "2 ajouté(s)" in result.text,
          "the merge summary of the uploaded export: " + result.text)
    s.assert_clean_console("export upload")
    # ...and one dropped on the form (a real drop event carrying a file).
    d.execute_script(
        "const dt = new DataTransfer();"
        "dt.items.add(new File([arguments[0]], 'glisse.csv', {type: 'text/csv'}));"
        "document.getElementById('form-export').dispatchEvent("
        "  new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        UPLOADED % {"v": 2})
    s.wait.until(lambda _: "glisse.csv" in d.find_element(By.TAG_NAME, "main").text)
    result = d.find_element(By.ID, "resultats-import")
    check("1 modifié(s)" in result.text, "the dropped export's summary: " + result.text)
    s.shot("import")

    # A scanned batch (cover sheets printed by Pointage for that school), uploaded and read
    # with live progress.
    pdf = os.path.join(work, "lot-televerse.pdf")
    run([pointage, "bordereaux", "--school", "0138888R", "--out", pdf], env)
    d.find_element(By.ID, "pdf").send_keys(pdf)
    # The import page always holds a progress box: the wait reads the page the upload answers
    # with, not the box of the page it was sent from.
    s.navigate(d.find_element(By.ID, "envoyer-pdf").click)
    WebDriverWait(d, 120, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda _: d.find_element(By.ID, "numerisation").get_attribute("data-etat") == "terminee")
    box = d.find_element(By.ID, "numerisation")
    progress = d.find_element(By.CSS_SELECTOR, "#numerisation .avancement").text
    m = re.match(r"(\d+) / (\d+) page", progress)
    check(m and m.group(1) == m.group(2) and int(m.group(2)) > 0,
          "progress reaches the end: " + progress)
    d.execute_script("arguments[0].scrollIntoView({block: 'end'});", box)
    s.shot("numerisation")
    s.assert_clean_console("scan upload")
    d.find_element(By.LINK_TEXT, "Voir les lots").click()
    s.wait.until(EC.title_contains("Lots"))
    check("televersement-" in d.find_element(By.TAG_NAME, "main").text,
          "the uploaded batch appears in « Lots »")


def login_journey(s, desk):
    d = s.driver
    d.get(desk.url)
    s.wait.until(EC.presence_of_element_located((By.ID, "nom")))
    check("/connexion" in d.current_url, "login required: " + d.current_url)
    s.shot("connexion")
    d.find_element(By.ID, "nom").send_keys("claire")
    d.find_element(By.ID, "mdp").send_keys("mauvais mot de passe")
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    s.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".alerte")))
    d.get_log("browser")  # the 401 of a wrong password is expected
    d.find_element(By.ID, "nom").send_keys("claire")
    d.find_element(By.ID, "mdp").send_keys("un mot de passe assez long")
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    s.wait.until(EC.title_contains("Tableau de bord"))
    check("claire" in d.find_element(By.CSS_SELECTOR, ".qui").text, "the clerk's name is shown")
    s.assert_clean_console("login")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pointage", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="pointage-browser-")
    env = dict(os.environ, POINTAGE_DB=os.path.join(work, "ledger.sqlite"),
               POINTAGE_CONFIG=os.path.join(args.source, "config", "pointage.json"), CI="true",
               QT_QPA_PLATFORM="offscreen")
    desks = []
    driver = None
    try:
        samples = os.path.join(args.source, "samples", "cyclades")
        hostile = os.path.join(work, "hostile.csv")
        with open(hostile, "w", encoding="utf-8", newline="") as f:
            f.write(HOSTILE)
        run([args.pointage, "import"] + sorted(
            os.path.join(samples, n) for n in os.listdir(samples) if n.endswith(".csv")) + [hostile], env)
        run([args.pointage, "ingest", os.path.join(args.source, "scans")], env)
        run([args.pointage, "users", "add", "claire"], env, "un mot de passe assez long\n")
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
        driver = make_driver(os.path.join(work, "chromium-profile"))
        s = Session(driver, args.screenshots)
        desks.append(Desk(args.pointage, env, []))
        clerk_journey(s, desks[-1])
        tagging_journey(s, desks[-1], work, args.pointage, args.samples, env)
        signature_journey(s, desks[-1])
        import_journey(s, desks[-1], work, args.pointage, env)
        desks.append(Desk(args.pointage, env, ["--login"]))
        driver.delete_all_cookies()
        login_journey(s, desks[-1])
        print("browser tests: all passed")
        return 0
    except Failure as failure:
        print("FAILED:", failure)
        return 1
    finally:
        if driver:
            driver.quit()
        for desk in desks:
            desk.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
