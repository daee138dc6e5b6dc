use super::*;
use crate::template::scanner::scan;

fn lower_for(text: &str, target: Target) -> (Template, Vec<Diagnostic>) {
    let file = SourceFile::new("t.wxml", "/t.wxml", text);
    let scanned = scan(text);
    let doc = scanned.document.unwrap_or_else(|| panic!("{:?}", scanned.problems));
    lower(&doc, &LowerInput { file: &file, base: 0, text, target })
}

fn ok(text: &str) -> Template {
    let (t, d) = lower_for(text, Target::Wechat);
    assert!(d.is_empty(), "{d:?}");
    t
}

fn errors(text: &str) -> Vec<Diagnostic> {
    lower_for(text, Target::Wechat).1.into_iter().filter(|d| d.is_error()).collect()
}

fn element(node: &Node) -> &Element {
    match node {
        Node::Element(e) => e,
        other => panic!("not an element: {other:?}"),
    }
}

#[test]
fn if_chains_group_siblings_across_whitespace_and_comments() {
    let t = ok(
        "<view wx:if=\"{{a}}\">A</view>\n  <!-- x -->\n<view wx:elif=\"{{b}}\">B</view>\n<text wx:else>C</text>\n<view/>",
    );
    let Node::If(chain) = &t.nodes[0] else { panic!("{:?}", t.nodes) };
    assert_eq!(chain.branches.len(), 3);
    assert!(chain.branches[2].condition.is_none());
    assert_eq!(chain.branches[1].lead, "\n\n", "the comment line between branches leaves one blank line");
    assert!(matches!(&t.nodes[1], Node::Text(_)));
    assert!(matches!(&t.nodes[2], Node::Element(_)));
}

#[test]
fn orphan_else_is_an_error_at_the_directive() {
    let e = errors("<view/>\n<view wx:else>x</view>");
    assert_eq!(e[0].code, "template::orphan-else");
    assert_eq!(e[0].location().map(|l| (l.1, l.2)), Some((2, 7)));
    // Text between ends a chain.
    assert_eq!(errors("<view wx:if=\"{{a}}\"/>text<view wx:else/>")[0].code, "template::orphan-else");
}

#[test]
fn for_wraps_if_on_one_element_and_else_cannot_follow() {
    let t = ok("<view wx:for=\"{{list}}\" wx:for-item=\"row\" wx:key=\"id\" wx:if=\"{{row.on}}\">{{row.name}}</view>");
    let Node::For(l) = &t.nodes[0] else { panic!() };
    assert_eq!((l.item.as_str(), l.index.as_str()), ("row", "index"));
    assert_eq!(l.key, Some(ForKey::Property("id".into())));
    assert!(matches!(&l.body[0], Node::If(c) if c.branches.len() == 1));
    let e = errors("<view wx:for=\"{{l}}\" wx:if=\"{{item}}\"/>\n<view wx:else/>");
    assert_eq!(e[0].code, "template::orphan-else");
    assert_eq!(errors("<view wx:if=\"{{a}}\"/><view wx:else wx:for=\"{{l}}\"/>")[0].code, "template::else-with-for");
}

#[test]
fn directive_only_blocks_dissolve() {
    let t = ok("<block wx:if=\"{{a}}\"><view/><text/></block><block slot=\"x\"><view/></block>");
    let Node::If(chain) = &t.nodes[0] else { panic!() };
    assert_eq!(chain.branches[0].body.len(), 2);
    assert_eq!(element(&t.nodes[1]).tag, Tag::Block);
}

#[test]
fn events_and_attribute_kinds() {
    let t = ok(
        "<my-card bind:my-event=\"on\" catchtap=\"\" capture-bind:touchstart=\"{{h}}\" model:value=\"{{v}}\" generic:item=\"row\" mark:k=\"1\" data-id=\"{{id}}\"/>",
    );
    let e = element(&t.nodes[0]);
    let names: Vec<_> = e.events.iter().map(|e| (e.name.as_str(), e.catch, e.capture)).collect();
    assert_eq!(names, [("my-event", false, false), ("tap", true, false), ("touchstart", false, true)]);
    let kinds: Vec<_> = e.attrs.iter().map(|a| (a.kind, a.name.as_str())).collect();
    assert_eq!(
        kinds,
        [(AttrKind::Model, "value"), (AttrKind::Generic, "item"), (AttrKind::Mark, "k"), (AttrKind::Plain, "data-id")]
    );
}

#[test]
fn attributes_for_one_target() {
    let src = "<button open-type=\"getPhoneNumber\" open-type@alipay=\"getAuthorize\" scope@alipay=\"phoneNumber\"/>";
    let (t, _) = lower_for(src, Target::Alipay);
    let e = element(&t.nodes[0]);
    let attrs: Vec<_> =
        e.attrs.iter().map(|a| (a.name.clone(), a.value.as_ref().unwrap().as_literal().unwrap())).collect();
    assert_eq!(attrs, [("open-type".to_string(), "getAuthorize".to_string()), ("scope".into(), "phoneNumber".into())]);
    let (t, _) = lower_for(src, Target::Wechat);
    assert_eq!(element(&t.nodes[0]).attrs.len(), 1);
    assert_eq!(lower_for("<view a@alipy=\"1\"/>", Target::Wechat).1[0].code, "template::unknown-target");
}

#[test]
fn calls_only_on_view_script_modules() {
    ok("<wxs module=\"fmt\">module.exports = {}</wxs><text>{{fmt.twice(n)}}</text>");
    // A module whose export is a function, declared after its use, as wcc allows.
    ok("<text>{{cls(n)}}</text><wxs module=\"cls\">module.exports = function (n) { return n }</wxs>");
    // WeChat renders a method call on data empty: a warning, not an error.
    let (_, d) = lower_for("<text>{{ n.toFixed(2) }}</text>", Target::Wechat);
    assert_eq!((d[0].code.as_ref(), d[0].is_error()), ("template::bad-call", false));
    assert!(d[0].message.contains("`n` is not a wxs module"));
}

#[test]
fn templates_imports_and_view_scripts() {
    let t = ok(
        "<import src=\"./a.wxml\"/><template name=\"row\"><text>{{name}}</text></template><template is=\"row\" data=\"{{...item, extra: 1}}\"/><wxs module=\"m\" src=\"./m.wxs\"/>",
    );
    assert!(matches!(&t.nodes[0], Node::Import(r) if r.src == "./a.wxml"));
    assert_eq!(t.definitions().count(), 1);
    let Node::TemplateCall(call) = &t.nodes[2] else { panic!() };
    assert!(matches!(call.data.as_ref().unwrap().as_single_expr().unwrap().kind, ExprKind::BareObject(_)));
    assert!(matches!(&t.nodes[3], Node::ViewScript(v) if v.module == "m"));
}

#[test]
fn mini_blocks_are_dedented_but_spans_stay_in_the_file() {
    let file_text = "<template>\n  <view>\n    <text>a\n      b</text>\n  </view>\n</template>\n";
    let file = SourceFile::new("p.mini", "/p.mini", file_text);
    let start = "<template>".len();
    let end = file_text.find("</template>").unwrap();
    let block = &file_text[start..end];
    let doc = scan(block).document.unwrap();
    let (t, d) = lower(&doc, &LowerInput { file: &file, base: start, text: block, target: Target::Wechat });
    assert!(d.is_empty());
    let view = element(&t.nodes[0]);
    assert_eq!(t.nodes.len(), 1, "framing whitespace is dropped");
    let text = element(&view.children[1]);
    let Node::Text(inner) = &text.children[0] else { panic!() };
    assert_eq!(inner.segments, [Segment::Literal("a\n    b".into())]);
    assert_eq!(file.line_col(text.name_span.start), (3, 6));
}

#[test]
fn expression_errors_point_into_the_file() {
    let e = errors("<view>\n  <text>{{ items.map(x => x) }}</text>\n</view>");
    assert_eq!(e[0].code, "template::bad-expression");
    assert_eq!(e[0].location().map(|l| (l.1, l.2)), Some((2, 24)));
}

#[test]
fn dash_case_suggestions() {
    assert_eq!(dash_case("userName"), "user-name");
    assert_eq!(dash_case("data-userId"), "data-user-id");
    let (_, d) =
        lower_for("<view data-userId=\"x\" openType=\"y\"/><view data-userId=\"z\"/><mp-indexList/>", Target::Wechat);
    assert_eq!(d.len(), 1, "once per name per file, and only where WeChat changes the meaning: {d:?}");
    assert_eq!(d[0].code, "template::uppercase-name");
    assert!(d[0].help.as_deref().unwrap().contains("data-user-id"));
}
