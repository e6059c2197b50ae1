"""Turns README.md's shell blocks into one bash script, run by scripts/readme-commands.sh (see there).

The blocks run in groups, in this order; a server that a README command starts in the foreground (a
reader's terminal) runs in the background instead and is stopped at the end of its group, where it must
exit 0. Every `## ` section with a shell block must be in a group: a new one fails here until it is placed.
A `### ` subsection named in OWN_SUBSECTIONS is placed by itself (it needs another group's setting, e.g.
OpenSearch's snapshots in "Backup and restore"); every other subsection goes with its section.
A block whose first line is `# Example only: ...` is shown, not run (it needs a host of the reader's own);
so is a line naming a placeholder (`<id from list>`) and the full build (`mvn -B verify`, which CI has just
run). The hooks are shell functions of the prelude (readme-commands.sh) run before a section.

    python3 scripts/readme-commands.py README.md > readme.sh
"""
import re
import sys

GROUPS = [
    ("the server of the run command (anonymous, ./data)", [
        "The two commands", "Using it", "Legacy (v1) API, over the same store", "History and versions",
        "Health, logs and metrics", "Request conventions (as Kibana's)",
        "Asset criticality (Kibana's Asset Criticality API, over the same store)",
        "Export and import (streamed, beyond the 1 MiB body limit)"]),
    ("the OpenSearch backend", ["Running on OpenSearch", "On OpenSearch: snapshots"]),
    ("the service command (fixed heap, class-data archive)", ["Running it as a service: memory, start-up, load"]),
    ("servers of their own, with credentials", [
        "Credentials and TLS", "User profiles (Elasticsearch's `/_security/profile`)",
        "Endpoint exception list (Kibana's `/api/endpoint_list`)", "Backup and restore"]),
    ("the container image, in runc (CI built it; root)", ["Running it in production"]),
    ("the contract, in the repository", ["Changing the contract and regenerating the stubs"]),
]
OWN_SUBSECTIONS = {"On OpenSearch: snapshots"}
HOOKS = {"Credentials and TLS": "stand_in_ca_files",
         # its own nodes and servers: the section before left one on port 5601
         "On OpenSearch: snapshots": "stop_run_server",
         "Changing the contract and regenerating the stubs": "real_maven_in_repository"}
NOT_RUN = {re.compile(r"^mvn -B verify$"): "the full build: CI has just run it"}
EXAMPLE_ONLY = re.compile(r"^# Example only: (.*)$")
PLACEHOLDER = re.compile(r"<[a-z][a-z_ ]*>")
JAR = r"(?:server/target/entity-store-server\.jar|\$JAR)"
# A server started in the foreground: the jar, then nothing or only --flags (no subcommand), no `&`.
FOREGROUND_SERVER = re.compile(r"(?s)^(.*&& )?((?:[A-Z_]+=(?:\$\([^)]*\)|\S)+\s+(?:\\\n\s*)?)*java\b[^&]*?-jar "
                               + JAR + r"(?:\s+--[^&]*)?)$")


def main(readme):
    blocks = read_blocks(readme)
    grouped = [title for _, titles in GROUPS for title in titles]
    unplaced = [title for title in blocks if title not in grouped]
    if unplaced:
        sys.exit("readme-commands: README.md sections with shell blocks in no group of "
                 "scripts/readme-commands.py: %s" % ", ".join(unplaced))
    for name, titles in GROUPS:
        print("echo; echo %s \"(at $SECONDS s)\"" % sh_quote("=== " + name))
        for title in titles:
            if title in HOOKS:
                print(HOOKS[title])
            emit(title, blocks)
        print("stop_run_server")
    print("echo; echo \"(README commands done at $SECONDS s)\"")


def read_blocks(readme):
    blocks, section, parent, block = {}, None, None, None
    for line in open(readme, encoding="utf-8").read().splitlines():
        if block is not None:
            if line.startswith("```"):
                blocks.setdefault(section, []).append(block)
                block = None
            else:
                block.append(line)
        elif line.startswith("```sh"):
            block = []
        elif line.startswith("## "):
            section = parent = line[3:].strip()
        elif line.startswith("### "):
            section = line[4:].strip() if line[4:].strip() in OWN_SUBSECTIONS else parent
    return blocks


def emit(title, blocks):
    if title not in blocks:
        sys.exit("readme-commands: README.md has no shell block under '## %s'" % title)
    say("### %s" % title)
    for lines in blocks[title]:
        example = EXAMPLE_ONLY.match(lines[0])
        if example:
            skipped("a block under '%s' (example only: %s)" % (title, example.group(1)))
            continue
        for text, first, last in commands(lines):
            emit_command(title, lines, text, first, last)


def commands(lines):
    """Whole commands (continued and quoted lines included), with their first and last line."""
    found, command, quotes = [], [], 0
    for index, line in enumerate(lines):
        command.append(line)
        if len(command) == 1 and line.lstrip().startswith("#"):
            quotes = 0  # a comment line of its own (its apostrophes quote nothing)
        else:
            quotes += line.split(" #", 1)[0].count("'")
        if not line.endswith("\\") and quotes % 2 == 0:  # not continued, not inside '...'
            quotes = 0
            found.append(("\n".join(command), index - len(command) + 1, index))
            command = []
    return [(text, first, last) for text, first, last in found if not text.lstrip().startswith("#")]


def emit_command(title, lines, text, first, last):
    code = text.split(" #", 1)[0].rstrip()
    near = [text.split(" #", 1)[1] if " #" in text else ""]
    near += comments(lines, first - 1, -1) + comments(lines, last + 1, 1)
    reason = next((why for pattern, why in NOT_RUN.items() if pattern.search(code)), None)
    if reason:
        skipped("%s (%s)" % (code, reason))
        return
    if PLACEHOLDER.search(code):
        skipped("%s (a placeholder)" % code)
        return
    print("EXPECT=%s" % sh_quote(" ".join(re.findall(r"\b4\d\d\b", " ".join(near)))))
    print("ran %s" % sh_quote(text))
    server = FOREGROUND_SERVER.match(code)
    if server:
        # A reader's terminal keeps it in the foreground; here it runs beside the next commands.
        print("%s{ %s & RUN_SERVER=$!; }" % (server.group(1) or "", server.group(2)))
    else:
        print(text)


def comments(lines, start, step):
    """The comment lines next to a command, going up (step -1) or down (step 1)."""
    found = []
    while 0 <= start < len(lines) and lines[start].lstrip().startswith("#"):
        found.append(lines[start])
        start += step
    return found


def skipped(what):
    print("not_run %s" % sh_quote(what))


def say(text):
    print("echo; echo %s" % sh_quote(text))


def sh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    main(sys.argv[1])
