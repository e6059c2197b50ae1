"""Checks deploy/entity-store.service against the README and the packaged jar, without systemd running:

  1. `systemd-analyze verify` on the unit, where that tool is installed (Debian's systemd package);
  2. its ExecStart is the README's service command ("Running it as a service"), with the jar and the
     class-data archive at /opt/entity-store instead of server/target, and its jar is the packaged one;
  3. the data and backup directories lie under ReadWritePaths (ProtectSystem=strict makes the rest
     read-only);
  4. it starts its ExecStart as systemd would, with its Environment= settings and an EnvironmentFile,
     every path the unit names under /opt, /var/lib, /var/backups and /etc moved under a scratch
     directory, after the install steps of the unit's comment (the jar copied to /opt, its class-data
     archive made there, a credentials file and a TLS key store in /etc): the status answers over HTTPS
     without credentials, /metrics too from loopback, an entity route asks for credentials, the
     class-data archive is used, and SIGTERM (its KillSignal) ends it with an exit status it counts as
     success.

    python3 scripts/service-unit-check.py     needs server/target/entity-store-server.jar and port 5601 free
"""
import os
import re
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIT = os.path.join(REPO, "deploy", "entity-store.service")
JAR = os.path.join(REPO, "server", "target", "entity-store-server.jar")
MOVED = ("/opt/", "/var/lib/", "/var/backups/", "/etc/")
PASSWORD = "unit-check-password"


def fail(message):
    sys.exit("service-unit-check: FAILED: " + message)


def say(message):
    print("service-unit-check: " + message, flush=True)


def unit_settings():
    """The [Service] section's settings: name -> list of values (continued lines joined)."""
    settings, section, pending = {}, None, ""
    for raw in open(UNIT, encoding="utf-8").read().splitlines():
        line = pending + raw.strip() if pending else raw.strip()
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
        elif section == "[Service]":
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def readme_service_command():
    text = open(os.path.join(REPO, "README.md"), encoding="utf-8").read()
    section = text.split("## Running it as a service", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"^((?:[A-Z_]+=\S+ )*java -Xmx.*?(?:\\\n.*?)*)$", section, re.M)
    if not found:
        fail("the README's 'Running it as a service' has no `java -Xmx...` command")
    return shlex.split(found.group(1).replace("\\\n", " "))


def split_environment(command):
    """The leading NAME=value words of a shell command (its environment), and the command after them."""
    count = 0
    while count < len(command) and re.match(r"^[A-Z_]+=", command[count]):
        count += 1
    return dict(word.split("=", 1) for word in command[:count]), command[count:]


def systemd_verify():
    tool = shutil.which("systemd-analyze")
    if not tool:
        say("systemd-analyze is not installed here: the unit's syntax is not verified by systemd")
        return
    answer = subprocess.run([tool, "verify", UNIT], capture_output=True, text=True, timeout=120)
    if answer.returncode != 0 or answer.stderr.strip():
        fail("systemd-analyze verify %s:\n%s%s" % (UNIT, answer.stdout, answer.stderr))
    say("systemd-analyze verify: no complaint")


def moved(root, value):
    for prefix in MOVED:
        value = re.sub(r"(?<![\w/])" + re.escape(prefix), root + prefix, value)
    return value


def static_checks(settings, exec_start):
    readme_environment, readme = split_environment(readme_service_command())
    as_readme = [word.replace("/opt/entity-store/", "server/target/") for word in exec_start]
    as_readme[0] = os.path.basename(as_readme[0])
    if as_readme != readme:
        fail("the unit's ExecStart %s is not the README's service command %s" % (exec_start, readme))
    jar = exec_start[exec_start.index("-jar") + 1]
    if os.path.basename(jar) != os.path.basename(JAR):
        fail("the unit runs %s, the build packages %s" % (jar, os.path.basename(JAR)))
    archive = next(w.split("=", 1)[1] for w in exec_start if w.startswith("-XX:SharedArchiveFile="))
    if archive != jar[:-len(".jar")] + ".jsa":
        fail("scripts/class-archive.sh %s writes %s.jsa, the unit reads %s" % (jar, jar[:-4], archive))
    say("ExecStart is the README's service command, on the packaged jar and its archive")
    environment = dict(e.split("=", 1) for e in settings.get("Environment", []))
    for name, value in readme_environment.items():
        if environment.get(name) != value:
            fail("the README's service command sets %s=%s, the unit's Environment= %s" % (name, value, environment.get(name)))
    writable = " ".join(settings.get("ReadWritePaths", [])).split()
    for name in ("ENTITY_STORE_DATA_DIR", "ENTITY_STORE_BACKUP_DIR"):
        path = environment.get(name)
        if path and not any(path == w or path.startswith(w.rstrip("/") + "/") for w in writable):
            fail("%s=%s is not under ReadWritePaths %s (ProtectSystem=strict)" % (name, path, writable))
    say("the data and backup directories are under ReadWritePaths")
    return environment


def install(root, exec_start, environment, env_file):
    """The install steps of the unit's comment, under root."""
    jar = moved(root, exec_start[exec_start.index("-jar") + 1])
    os.makedirs(os.path.dirname(jar))
    shutil.copy(JAR, jar)
    subprocess.run([os.path.join(REPO, "scripts", "class-archive.sh"), jar], check=True, stdout=subprocess.DEVNULL)
    for name in ("ENTITY_STORE_DATA_DIR", "ENTITY_STORE_BACKUP_DIR"):
        os.makedirs(moved(root, environment[name]), exist_ok=True)
    credentials = moved(root, environment["ENTITY_STORE_CREDENTIALS_FILE"])
    keystore = moved(root, environment["ENTITY_STORE_TLS_KEYSTORE"])
    os.makedirs(os.path.dirname(credentials), exist_ok=True)
    subprocess.run(["java", "-jar", JAR, "credentials", "add-user", "--user", "ops", "--spaces", "*", "--admin"],
                   check=True, capture_output=True,
                   env=dict(os.environ, ENTITY_STORE_CREDENTIALS_FILE=credentials))
    subprocess.run(["keytool", "-genkeypair", "-alias", "entity-store", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore, "-storepass", PASSWORD],
                   check=True, capture_output=True)
    certificate = os.path.join(root, "server.pem")
    with open(certificate, "w") as out:
        subprocess.run(["keytool", "-exportcert", "-rfc", "-alias", "entity-store", "-keystore", keystore,
                        "-storepass", PASSWORD], check=True, stdout=out)
    if env_file:
        os.makedirs(os.path.dirname(env_file), exist_ok=True)
        with open(env_file, "w") as out:
            out.write("ENTITY_STORE_TLS_KEYSTORE_PASSWORD=%s\n" % PASSWORD)
    return certificate


def status_of(url, context):
    try:
        with urllib.request.urlopen(url, context=context, timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def run(root, settings, exec_start, environment, certificate):
    program = exec_start[0] if os.access(exec_start[0], os.X_OK) else shutil.which("java")
    if program != exec_start[0]:
        say("%s is not here: running %s instead" % (exec_start[0], program))
    env = {"PATH": os.environ["PATH"], "HOME": root}
    env.update({name: moved(root, value) for name, value in environment.items()})
    for env_file in settings.get("EnvironmentFile", []):
        for line in open(moved(root, env_file.lstrip("-")), encoding="utf-8").read().splitlines():
            if line and not line.startswith("#"):
                name, value = line.split("=", 1)
                env[name] = value
    workdir = moved(root, settings["WorkingDirectory"][0])
    os.makedirs(workdir, exist_ok=True)
    log_path = os.path.join(root, "server.log")
    command = [program] + [moved(root, word) for word in exec_start[1:]]
    say("starting: " + " ".join(command))
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        check_serving(server, certificate, log_path)
        kill_signal = getattr(signal, settings.get("KillSignal", ["SIGTERM"])[0])
        server.send_signal(kill_signal)
        code = server.wait(timeout=int(settings.get("TimeoutStopSec", ["90"])[0]))
    finally:
        if server.poll() is None:
            server.kill()
    log = open(log_path, encoding="utf-8", errors="replace").read()
    success = [int(c) for c in " ".join(settings.get("SuccessExitStatus", [])).split()] + [0]
    if code not in success:
        fail("after %s the server exited %d, not a success (SuccessExitStatus): log:\n%s" % (kill_signal.name, code, log))
    if re.search(r"\[warning\]\[cds|Unable to use shared archive", log):
        fail("the class-data archive at the unit's path is not used:\n" + log)
    data = moved(root, environment["ENTITY_STORE_DATA_DIR"])
    if not os.path.exists(os.path.join(data, "entity-store.db")):
        fail("no store in %s" % data)
    say("served HTTPS with the unit's settings, used the class-data archive, kept its store in %s, "
        "and exited %d on %s" % (data, code, kill_signal.name))


def check_serving(server, certificate, log_path):
    context = ssl.create_default_context(cafile=certificate)
    base = "https://127.0.0.1:5601"
    deadline = time.time() + 180
    while True:
        if server.poll() is not None:
            fail("the server exited %d at start:\n%s" % (server.returncode, open(log_path).read()))
        try:
            status = status_of(base + "/api/status", context)
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.time() > deadline:
                fail("no HTTPS answer on %s within 180 s:\n%s" % (base, open(log_path).read()))
            time.sleep(1)
    expected = {"/api/status": 200, "/metrics": 200, "/api/security/entity_store/entities": 401}
    answers = {path: status if path == "/api/status" else status_of(base + path, context) for path in expected}
    if answers != expected:
        fail("answers without credentials %s, expected %s" % (answers, expected))
    say("without credentials over HTTPS: %s" % answers)


def main():
    if not os.path.exists(JAR):
        fail("no %s: build it first (mvn -B verify)" % JAR)
    systemd_verify()
    settings = unit_settings()
    exec_start = shlex.split(settings["ExecStart"][0])
    environment = static_checks(settings, exec_start)
    root = tempfile.mkdtemp(prefix="service-unit-check-")
    env_files = [moved(root, f.lstrip("-")) for f in settings.get("EnvironmentFile", [])]
    certificate = install(root, exec_start, environment, env_files[0] if env_files else None)
    run(root, settings, exec_start, environment, certificate)
    shutil.rmtree(root)
    say("the unit matches the README and the packaged jar")


if __name__ == "__main__":
    main()
