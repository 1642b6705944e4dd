#!/bin/sh
# The language (issue 16, item 4): detected from the article when the page
# declares none; --target-language keeps only pages in one language.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

body='<article><h1>Neuer Kai</h1><p>Die Hafenbehörde hat am Dienstag den neuen Nordkai eröffnet, nach drei Jahren Bauzeit und vielen Verzögerungen, die niemand vorhergesehen hatte.</p><p>Die Fischer begrüßten die neue Kaimauer, die deutlich mehr gekostet hat als ursprünglich geplant.</p></article>'
printf '<html><head><meta charset="utf-8"><title>Neuer Kai</title></head><body>%s</body></html>' "$body" > "$T/de.html"
printf '<html lang="en-GB"><head><meta charset="utf-8"><title>Neuer Kai</title></head><body>%s</body></html>' "$body" > "$T/de-as-en.html"

lang_is() {
    python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["language"] == sys.argv[2], o["language"]; assert (o["text"] != "") == (sys.argv[3] == "text"), o["text"]' "$T/out" "$1" "$2" ||
        fail "expected language $1 and $2"
    pass
}

# Undeclared: detected from the text.
run_pith --format json "$T/de.html"
expect_status 0
lang_is de text
# Declared: the declaration is the metadata, whatever the text says.
run_pith --format json "$T/de-as-en.html"
expect_status 0
lang_is en-GB text

# --target-language: the text decides, the region does not count.
run_pith --target-language de-AT "$T/de.html"
expect_status 0
expect_stdout_has 'Nordkai'
run_pith --target-language de "$T/de-as-en.html"
expect_status 0
expect_stdout_has 'Nordkai'
run_pith --target-language en "$T/de.html"
expect_status 1
expect_no_stdout
expect_one_stderr_line
expect_stderr_has 'not en'
# With JSON the metadata stays, with an empty text.
run_pith --target-language fr --format json "$T/de.html"
expect_status 1
lang_is de empty
# In a stream, the record says why.
python3 -c 'import json,sys; print(json.dumps({"id": 7, "html": open(sys.argv[1]).read()}))' "$T/de.html" > "$T/in.jsonl"
run_pith -q --jsonl --target-language en "$T/in.jsonl"
expect_status 0
python3 -c 'import json,sys; o=json.loads(open(sys.argv[1]).read()); assert o["id"] == 7 and o["text"] == "" and "not en" in o["error"] and o["language"] == "de", o' "$T/out" ||
    fail "the record of a page in another language"
pass

# A malformed tag is a usage error.
run_pith --target-language 'e n' "$T/de.html"
expect_status 2
expect_one_stderr_line
done_ok
