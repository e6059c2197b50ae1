#!/usr/bin/env bash
# Runs the README's commands as written against the packaged jar, so that a README that drifted from the
# server fails CI. The README's shell blocks are taken from README.md itself (not copied here) and run in
# one bash session, as a reader would paste them into one terminal, in a scratch directory (its ./data,
# ./credentials.json, ~/.entity-store/ and downloaded files stay there):
#
#   1. the run command of "The two commands" (the jar is the one `mvn -B verify` built; `mvn` there does
#      nothing), in the background, then the blocks of the sections that need an anonymous server:
#      Using it, Legacy (v1), History and versions, Health, Request conventions, Asset criticality,
#      Export and import; then that server is stopped (it must exit 0);
#   2. the sections that start servers of their own: Credentials and TLS, User profiles, Endpoint
#      exception list.
#
# Every curl must get an answer (the server is waited for up to 60 s) and succeed: a 4xx only where the
# README's comment beside the command names that status (`# 401 ...`, `# 412 if ...`), never a 5xx, never
# "no route". Lines naming a placeholder (`<id from list>`) are shown, not run.
# Not run: the OpenSearch, service, backup and contract sections (a cluster of their own, /var paths,
# builds), and the `openssl` step (it needs your CA's files).
#
#   scripts/readme-commands.sh            needs server/target/entity-store-server.jar and port 5601 free
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$REPO_ROOT/server/target/entity-store-server.jar"
[[ -f "$JAR" ]] || { echo "readme-commands: no $JAR: build it first (mvn -B verify)" >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/5601) 2>/dev/null; then
    echo "readme-commands: port 5601 is in use; the README's commands need it" >&2
    exit 1
fi

SCRATCH="$(mktemp -d)"
mkdir -p "$SCRATCH/home" "$SCRATCH/server/target"
ln -s "$JAR" "$SCRATCH/server/target/entity-store-server.jar"
ln -s "$REPO_ROOT/scripts" "$SCRATCH/scripts"

python3 - "$REPO_ROOT/README.md" > "$SCRATCH/readme.sh" <<'PY'
import re, sys

PHASE_ONE = ["The two commands", "Using it", "Legacy (v1) API, over the same store", "History and versions",
             "Health, logs and metrics", "Request conventions (as Kibana's)",
             "Asset criticality (Kibana's Asset Criticality API, over the same store)",
             "Export and import (streamed, beyond the 1 MiB body limit)"]
PHASE_TWO = ["Credentials and TLS", "User profiles (Elasticsearch's `/_security/profile`)",
             "Endpoint exception list (Kibana's `/api/endpoint_list`)"]
NOT_RUN = [re.compile(p) for p in (r"^mvn -B verify$", r"^openssl ")]
PLACEHOLDER = re.compile(r"<[a-z][a-z_ ]*>")
RUN_COMMAND = "java -jar server/target/entity-store-server.jar"

blocks = {}
section, block = None, None
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if block is not None:
        if line.startswith("```"):
            blocks.setdefault(section, []).append(block)
            block = None
        else:
            block.append(line)
    elif line.startswith("```sh"):
        block = []
    elif line.startswith("## "):
        section = line[3:].strip()

def emit(title):
    if title not in blocks:
        sys.exit("readme-commands: README.md has no shell block under '## %s'" % title)
    print("echo; echo '### %s'" % title.replace("'", ""))
    for lines in blocks[title]:
        if any(p.search(lines[0]) for p in NOT_RUN):
            print("echo '(not run here: %s)'" % lines[0].replace("'", ""))
            continue
        commands, command = [], []  # whole commands (continued and quoted lines included), with their lines
        quotes = 0
        for index, line in enumerate(lines):
            command.append(line)
            if len(command) == 1 and line.lstrip().startswith("#"):
                quotes = 0  # a comment line of its own (its apostrophes quote nothing)
            else:
                quotes += line.split(" #", 1)[0].count("'")
            if not line.endswith("\\") and quotes % 2 == 0:  # not continued, not inside '...'
                quotes = 0
                commands.append(("\n".join(command), index - len(command) + 1, index))
                command = []
        for text, first, last in commands:
            if text.lstrip().startswith("#"):
                continue
            near = [text.split(" #", 1)[1] if " #" in text else ""]
            near += comments(lines, first - 1, -1) + comments(lines, last + 1, 1)
            print("EXPECT=%s" % sh_quote(" ".join(re.findall(r"\b4\d\d\b", " ".join(near)))))
            if PLACEHOLDER.search(text.split(" #", 1)[0]):
                print("echo %s" % sh_quote("(placeholder, not run) " + text))
            elif text.endswith(RUN_COMMAND) and title == "The two commands":
                build, run = text.rsplit("&& ", 1)
                print("%s&& { %s & RUN_SERVER=$!; }" % (build, run))
            else:
                print(text)

def comments(lines, start, step):
    """The comment lines next to a command, going up (step -1) or down (step 1)."""
    found = []
    while 0 <= start < len(lines) and lines[start].lstrip().startswith("#"):
        found.append(lines[start])
        start += step
    return found

def sh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"

for title in PHASE_ONE:
    emit(title)
print("echo; echo '### stopping the server of the run command'; kill $RUN_SERVER; wait $RUN_SERVER")
for title in PHASE_TWO:
    emit(title)
PY

cat > "$SCRATCH/prelude.sh" <<'SH'
set -eo pipefail
# CI built the jar with `mvn -B verify`; the README's build step has nothing left to do.
mvn() { echo "(mvn $* : the jar is built already)"; }
# Every answer is checked (EXPECT: the 4xx the README's comments announce for this command); the body
# goes where the README sends it.
curl() {
    local body status attempt
    body="$(mktemp)"
    for attempt in $(seq 1 60); do
        # A bound on every command (a README line may set its own): a stream or a hung answer never holds CI.
        status="$(command curl --max-time 120 "$@" -o "$body" -w '%{http_code}' || true)"
        [[ "$status" != "000" ]] && break
        sleep 1
    done
    cat "$body"
    echo >&2 "  -> HTTP $status"
    if [[ "$status" == "000" || "$status" -ge 500 ]] || grep -q -e '"message":"Not Found"' -e '"error":"no handler found' "$body" \
        || [[ "$status" -ge 400 && " ${EXPECT:-} " != *" $status "* ]]; then
        echo >&2 "readme-commands: FAILED: curl $*  (HTTP $status)"
        rm -f "$body"
        return 1
    fi
    rm -f "$body"
}
SH

echo "readme-commands: running the README's commands in $SCRATCH"
cd "$SCRATCH"
status=0
# Its own process group, so that whatever it leaves running is stopped with it.
HOME="$SCRATCH/home" setsid bash -c 'source ./prelude.sh; source ./readme.sh' > "$SCRATCH/output.log" 2>&1 &
group=$!
wait "$group" || status=$?
kill -- "-$group" 2>/dev/null || true
cat "$SCRATCH/output.log"
if [[ $status -ne 0 ]]; then
    echo "readme-commands: a README command failed (exit $status); the output is above, the files in $SCRATCH" >&2
    exit 1
fi
rm -rf "$SCRATCH"
echo "readme-commands: every README command ran as written"
