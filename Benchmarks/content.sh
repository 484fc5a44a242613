# Sourced by the benchmark scripts: builds savnet for release and prepares SCALE x the
# country's networks in .bench/scale-SCALE (generated once, shared by every benchmark),
# with the current theme. Sets `work`. Call from the repository root with `scale` set.
scripts/setup.sh
swift build -c release --product savnet >/dev/null
work=".bench/scale-$scale"
if [ ! -f "$work/savnet.yml" ]; then
  rm -rf "$work"
  python3 Benchmarks/generate.py "$work" --scale "$scale"
fi
rm -rf "$work/themes" && cp -r themes "$work/themes"
# Hugo's pages use savnet's own style sheets.
mkdir -p Benchmarks/hugo/static && cp themes/default/static/style.css themes/default/static/document.css Benchmarks/hugo/static/
