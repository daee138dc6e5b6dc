//! The showcase on Weibo: WBox's layout, and Vue 2 single-file components that Vue's own
//! template compiler accepts without errors or tips.

use crate::support::{files_under, judge, showcase};

#[test]
fn every_vue_file_compiles_with_vue_2_without_errors_or_tips() {
    judge("weibo", &showcase().target("weibo"));
}

#[test]
fn output_follows_the_wbox_layout() {
    let s = showcase();
    let files = files_under(&s.target("weibo"));
    for file in [
        "wbox.config.json",
        "src/app.json",
        "src/app.js",
        "src/app.css",
        "src/pages/index/index.vue",
        "src/pages/index/index.json",
        "src/components/card/card.vue",
    ] {
        assert!(files.contains(&file.to_string()), "missing {file} in {files:?}");
    }
    let config: serde_json::Value = serde_json::from_str(&s.file("weibo", "wbox.config.json")).unwrap();
    assert_eq!(config["settings"]["framework"], "Vue2");
    let app: serde_json::Value = serde_json::from_str(&s.file("weibo", "src/app.json")).unwrap();
    assert_eq!(app["window"]["navigationBarTitleText"], "Todos on Weibo");
    assert!(app["pages"].as_array().unwrap().contains(&serde_json::json!("packageA/pages/about/about")));
}

#[test]
fn templates_become_vue_directives_and_bindings() {
    let s = showcase();
    let index = s.file("weibo", "src/pages/index/index.vue");
    assert!(index.contains("<todo-item v-for=\"(item, index) in todos\" :key=\"item.id\" :item=\"item\""), "{index}");
    assert!(index.contains("<template v-if=\"todos.length > 0\">"), "{index}");
    assert!(index.contains("<empty-state v-else message=\"Nothing left to do\">"), "{index}");
    assert!(index.contains("@tap.stop=\"onClearDone\""), "{index}");
    assert!(index.contains(":disabled=\"!draft\""), "{index}");
    assert!(index.contains("Running on Weibo"), "{index}");
    assert!(!index.contains("<template is") && !index.contains("<import"), "templates are expanded:\n{index}");
    let tag = index.find("__mwT0.label").expect("the tag template is expanded with its data");
    assert!(index[..tag].contains("in [{label: 'all', active: filter === 'all'}]"), "{index}");
    let item = s.file("weibo", "src/components/todo-item/todo-item.vue");
    assert!(item.contains(":class=\"'todo ' + (item.done ? 'todo--done' : '')\""), "{item}");
    let explore = s.file("weibo", "src/pages/explore/explore.vue");
    assert!(explore.contains("v-for=\"(topic, i) in topics\" :key=\"topic.id\""), "{explore}");
    assert!(
        explore.contains("<text class=\"section-header__title\">{{ sectionTitle }}</text>"),
        "the include is expanded:\n{explore}"
    );
}

#[test]
fn each_vue_template_has_exactly_one_root() {
    let s = showcase();
    for file in files_under(&s.target("weibo")).into_iter().filter(|f| f.ends_with(".vue")) {
        let text = s.file("weibo", &file);
        let template = text.split("<template>\n").nth(1).unwrap().rsplit_once("</template>").unwrap().0;
        assert!(
            template.starts_with("<view class=\"mw-") && template.trim_end().ends_with("</view>"),
            "{file}:\n{template}"
        );
    }
}
