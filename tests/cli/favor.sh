#!/bin/sh
# --favor trades junk against lost text, and each setting shows it: a line
# after the article's last paragraph that no rule names goes only with
# precision; a newsletter box between paragraphs stays only with recall.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

cat > "$T/page.html" <<'EOF2'
<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>
<p>The town council has approved a new plan for the harbour. Work on the quays will start in the spring and should be finished within two years, the mayor said.</p>
<div class="x1"><p>Get the harbour letter every Friday</p><form><input type="email" name="e"><button>Go</button></form></div>
<p>Fishermen said they welcomed the plan but worried about the months of building work, when the boats will have to moor at the old pier on the north side of the bay.</p>
<p>Minutes of the council meeting, 3 October</p>
</article></body></html>
EOF2
tail='Minutes of the council meeting, 3 October'
box='Get the harbour letter every Friday'

run_pith --no-title "$T/page.html"
expect_status 0
expect_stdout_has 'Fishermen said they welcomed the plan'
expect_stdout_has "$tail"
expect_stdout_lacks "$box"

run_pith --no-title --favor precision --explain "$T/page.html"
expect_status 0
expect_stdout_has 'Fishermen said they welcomed the plan'
expect_stdout_lacks "$tail"
expect_stdout_lacks "$box"
expect_stderr_has 'dropped:tail'

run_pith --no-title --favor recall "$T/page.html"
expect_status 0
expect_stdout_has "$tail"
expect_stdout_has "$box"

run_pith --no-title --favor balanced "$T/page.html"
expect_status 0
expect_stdout_has "$tail"
expect_stdout_lacks "$box"
done_ok
