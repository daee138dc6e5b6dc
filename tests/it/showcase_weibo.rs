//! The showcase on Weibo: WBox's layout, and Vue 2 single-file components that Vue's own
//! template compiler accepts without errors or tips, and that run under Vue 2 in jsdom.

use crate::support::{files_under, judge, run_validator, showcase, showcase_release};

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
    assert!(index.contains("@tap.stop=\"__ev('onClearDone', $event)\""), "{index}");
    // The runtime shapes each event and runs the method; a component's events need no modifier.
    assert!(index.contains("@toggle=\"__ev('onToggle', $event)\""), "{index}");
    assert!(index.contains(":disabled=\"!draft\""), "{index}");
    assert!(index.contains("Running on Weibo"), "{index}");
    assert!(!index.contains("<template is") && !index.contains("<import"), "templates are expanded:\n{index}");
    let tag = index.find("__mwT0.label").expect("the tag template is expanded with its data");
    assert!(index[..tag].contains("in [{label: 'all', active: filter === 'all'}]"), "{index}");
    let item = s.file("weibo", "src/components/todo-item/todo-item.vue");
    // The component's classes carry its scope; a class computed at run time goes through it.
    let scope = miniweave_targets::style::Scope::of("components/todo-item/todo-item").prefix;
    assert!(
        item.contains(&format!(":class=\"'{scope}-todo' + ' ' + __cls((item.done ? 'todo--done' : ''))\"")),
        "{item}"
    );
    // data-* also reach the runtime as the element's dataset.
    assert!(item.contains(":mwds.prop=\"{ 'id': item.id }\""), "{item}");
    let settings = s.file("weibo", "src/packageA/pages/settings/settings.vue");
    assert!(settings.contains(":value=\"nickname\" @input=\"__model('nickname', $event)\""), "{settings}");
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

#[test]
fn pages_and_components_run_under_vue_2_in_jsdom() {
    // Rendering, taps, setData, events reaching the parent and model: updates, on the
    // development build and on the minified release build.
    for built in [showcase(), showcase_release()] {
        let dir = built.target("weibo");
        let (ok, report) = run_validator("weibo/run.js", &[dir.as_os_str()]);
        assert!(ok, "{report}");
    }
}

#[test]
fn the_vue_runtime_behaves_and_fits_its_size_budget() {
    let (ok, report) = run_validator("weibo/runtime.test.js", &[]);
    assert!(ok, "{report}");
}
