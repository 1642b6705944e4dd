#!/bin/sh
# --rules: a malformed file exits 4 with "pith: FILE:LINE: reason"; a valid
# one adds to the bundled rules.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
secret='Budget papers seen by this newspaper'

# Without extra rules the "secret" paragraph is part of the article.
run_pith "$T/a.html"
expect_status 0
expect_stdout_has "$secret"

printf '# drop the secret paragraph\n\ndrop class=secret   # trailing comment\n' > "$T/good.rules"
run_pith --rules "$T/good.rules" "$T/a.html"
expect_status 0
expect_no_stderr
expect_stdout_lacks "$secret"
expect_stdout_has 'The harbour authority opened the new northern quay'
run_pith -r "$T/good.rules" "$T/a.html"
expect_status 0
expect_stdout_lacks "$secret"

# Several files add up.
printf 'drop text~/^Fishermen said/\n' > "$T/more.rules"
run_pith -r "$T/good.rules" -r "$T/more.rules" "$T/a.html"
expect_status 0
expect_stdout_lacks "$secret"
expect_stdout_lacks 'Fishermen said'
expect_stdout_has 'The harbour authority opened the new northern quay'

# Malformed files: the error names the file and the line.
bad() { # bad LINE CONTENT...
    line=$1
    shift
    printf '%s\n' "$@" > "$T/bad.rules"
    run_pith --rules "$T/bad.rules" "$T/a.html"
    expect_status 4
    expect_no_stdout
    expect_one_stderr_line
    grep -q "^pith: $T/bad.rules:$line: ." "$T/err" ||
        fail "expected 'pith: $T/bad.rules:$line: REASON' on stderr"
    pass
}
bad 3 '# comment' 'drop class=ok' 'drop klass=ad'
bad 1 'remove class=ad'
bad 2 '' 'drop text~/(unclosed/'
bad 1 '+5000 tag=p'
bad 1 'drop'

# The guard: a rule never drops an element that holds 30% or more of the
# page's prose (here an in-article gallery of captioned slides)...
cat > "$T/gallery.html" <<'EOF2'
<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>
<div class="gallery-embed">
<p>Slide one: the harbour at dawn, with the fishing boats coming back in after a long night at sea and gulls following them all the way.</p>
<p>Slide two: the market square on a Saturday, with stalls of cheese, bread and vegetables and a brass band playing by the fountain.</p>
<p>Slide three: the old lighthouse, repainted last summer in red and white stripes, seen from the cliff path to the north of the town.</p>
</div>
<p>The town council has approved a new plan for the harbour. Work will start in the spring and should be finished within two years.</p>
</article></body></html>
EOF2
printf 'drop class=gallery-embed\n' > "$T/soft.rules"
run_pith --rules "$T/soft.rules" --explain "$T/gallery.html"
expect_status 0
expect_stdout_has 'Slide two: the market square'
expect_stderr_has 'kept:holds-article'
# ...unless the user's rule forces it with drop!.
printf 'drop! class=gallery-embed\n' > "$T/force.rules"
run_pith --rules "$T/force.rules" "$T/gallery.html"
expect_status 0
expect_no_stderr
expect_stdout_lacks 'Slide'
expect_stdout_has 'The town council has approved a new plan for the harbour.'
bad 1 'drop!! class=gallery-embed'

# A malformed file is refused even when it is not the first one.
printf 'drop class=ok\ndrop tag=p junk\n' > "$T/bad2.rules"
run_pith -r "$T/good.rules" -r "$T/bad2.rules" "$T/a.html"
expect_status 4
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/bad2.rules:2: "

# A rule file that does not exist.
run_pith --rules "$T/missing.rules" "$T/a.html"
expect_status 4
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/missing.rules"
done_ok
