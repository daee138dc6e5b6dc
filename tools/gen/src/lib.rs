//! Synthetic projects in the shape of the anchors' benchmark app (ANCHORS.md §5.1), shared
//! by the size, watch and fuzz benchmarks: N pages and C = N/10 card components. Each page
//! has a title, a counter with a computed `double`, a 5-item list rendered through a shared
//! card component, one more card, a conditional block, a tap handler, rpx styles and an
//! import of a shared util module. Pages 0..N/2 are in the main package and the rest in
//! subpackage `sub`, as §5.1 does; from N = 400 on, the main package holds 200 pages and the
//! rest are split into subpackages of at most 200 pages, so every package stays under its
//! limit at any N.

use std::fs;
use std::io;
use std::path::Path;

/// Pages a package holds at most once the app is split (N ≥ 400).
const PAGES_PER_PACKAGE: usize = 200;

/// The packages of an N-page app: `(subpackage root or None for main, page indices)`.
pub fn packages(n: usize) -> Vec<(Option<String>, std::ops::Range<usize>)> {
    if n < 400 {
        let half = n / 2;
        let mut out = vec![(None, 0..half)];
        if half < n {
            out.push((Some("sub".to_string()), half..n));
        }
        return out;
    }
    let mut out = vec![(None, 0..PAGES_PER_PACKAGE)];
    let mut start = PAGES_PER_PACKAGE;
    while start < n {
        let end = (start + PAGES_PER_PACKAGE).min(n);
        out.push((Some(format!("sub{}", out.len() - 1)), start..end));
        start = end;
    }
    out
}

/// The page path of page `i` inside its package.
fn page_path(i: usize) -> String {
    format!("pages/p{i}/p{i}")
}

/// The number of card components of an N-page app.
pub fn components(n: usize) -> usize {
    (n / 10).max(1)
}

/// Writes an N-page project into `dir` (created if missing): `miniweave.json` and `src/`.
pub fn generate(n: usize, dir: &Path) -> io::Result<()> {
    let write = |path: &str, text: &str| -> io::Result<()> {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(file, text)
    };
    write(
        "miniweave.json",
        // Weibo has no subpackages (its pages join main, with a warning): expected here.
        "{\n  \"src\": \"src\",\n  \"wechat\": { \"appid\": \"wx0123456789abcdef\" },\n  \"weibo\": { \"appid\": \"1000000000\" },\n  \"warnings\": { \"ignore\": [\"weibo::subpackages\"] }\n}\n",
    )?;
    write("src/app.mini", &app(n))?;
    write("src/utils/format.js", FORMAT)?;
    for c in 0..components(n) {
        write(&format!("src/components/card{c}/card{c}.mini"), &card(c))?;
    }
    for (root, pages) in packages(n) {
        for i in pages {
            let path = match &root {
                Some(root) => format!("src/{root}/{}.mini", page_path(i)),
                None => format!("src/{}.mini", page_path(i)),
            };
            let depth = if root.is_some() { "../../../" } else { "../../" };
            write(&path, &page(i, components(n), depth))?;
        }
    }
    Ok(())
}

fn app(n: usize) -> String {
    let quoted = |r: std::ops::Range<usize>| r.map(|i| format!("\"{}\"", page_path(i))).collect::<Vec<_>>().join(", ");
    let all = packages(n);
    let subs: Vec<String> = all[1..]
        .iter()
        .map(|(root, pages)| {
            format!(
                "{{ \"root\": \"{}\", \"pages\": [{}] }}",
                root.as_deref().unwrap_or_default(),
                quoted(pages.clone())
            )
        })
        .collect();
    format!(
        "<config>\n{{\n  \"pages\": [{}],\n  \"subpackages\": [{}],\n  \"window\": {{ \"navigationBarTitleText\": \"Generated\" }}\n}}\n</config>\n<script>\nApp({{}})\n</script>\n<style>\npage {{ background: #f7f7f7; }}\n</style>\n",
        quoted(all[0].1.clone()),
        subs.join(", ")
    )
}

const FORMAT: &str = "export function format(title) {\n  return title.trim();\n}\n";

fn card(c: usize) -> String {
    format!(
        "<config>{{ \"component\": true }}</config>\n<template>\n  <view class=\"card\"><text class=\"card-title\">{{{{title}}}}</text><slot /></view>\n</template>\n<script>\nComponent({{\n  properties: {{ title: {{ type: String, value: 'card {c}' }} }},\n}})\n</script>\n<style>\n.card {{ margin: 16rpx; padding: 24rpx; border-radius: 12rpx; background: #fff; }}\n.card-title {{ font-size: 30rpx; color: #333; }}\n</style>\n"
    )
}

fn page(i: usize, components: usize, depth: &str) -> String {
    let c = i % components;
    format!(
        "<config>{{ \"usingComponents\": {{ \"card\": \"/components/card{c}/card{c}\" }}, \"navigationBarTitleText\": \"Page {i}\" }}</config>\n\
<template>\n  <view class=\"page\">\n    <text class=\"title\">{{{{title}}}}</text>\n    <view class=\"counter\" bindtap=\"inc\">{{{{count}}}} × 2 = {{{{double}}}}</view>\n    <card wx:for=\"{{{{list}}}}\" wx:key=\"id\" title=\"{{{{item.name}}}}\" />\n    <card title=\"extra\" />\n    <view wx:if=\"{{{{count > 3}}}}\" class=\"many\">many taps</view>\n  </view>\n</template>\n\
<script>\nimport {{ format }} from '{depth}utils/format';\n\nPage({{\n  data: {{\n    title: format(' Page {i} v1 '),\n    count: 0,\n    double: 0,\n    list: [1, 2, 3, 4, 5].map((id) => ({{ id, name: 'item ' + id }})),\n  }},\n  inc() {{\n    const count = this.data.count + 1;\n    this.setData({{ count, double: count * 2 }});\n  }},\n}});\n</script>\n\
<style>\n.page {{ padding: 24rpx; }}\n.title {{ font-size: 36rpx; font-weight: bold; }}\n.counter {{ margin: 16rpx 0; color: #07c160; }}\n.many {{ color: #999; }}\n</style>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_follow_the_anchors_app_and_stay_under_200_pages_from_400_on() {
        assert_eq!(packages(4), vec![(None, 0..2), (Some("sub".into()), 2..4)]);
        let big = packages(1000);
        assert_eq!(big[0], (None, 0..200));
        assert_eq!(big.len(), 5);
        assert!(big.iter().all(|(_, r)| r.len() <= 200));
        assert_eq!(big.last().unwrap().1.end, 1000);
    }
}
