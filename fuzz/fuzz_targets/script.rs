#![no_main]
// See tools/fuzz-props: what this target checks on each input.
libfuzzer_sys::fuzz_target!(|data: &[u8]| miniweave_fuzz_props::script(data));
