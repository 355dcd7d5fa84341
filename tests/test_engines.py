"""The two real engines: Apertium (subprocess) and Argos (CTranslate2 + SentencePiece)."""

from __future__ import annotations

import pytest

from pipeline.engines import apertium, argos, select_engine
from pipeline.errors import EngineError
from conftest import needs_apertium


@needs_apertium
def test_apertium_batch_keeps_alignment_and_strips_unknown_marks():
    engine = apertium.ApertiumEngine()
    texts = ["Tengo dos amigos extranjeros.", "Los centros de datos grandes", "", "Habló con Xyzzyplo ayer."]
    out = engine.translate_batch(texts)
    assert len(out) == len(texts)
    assert "friends" in out[0]
    assert "data" in out[1] and "." not in out[1]  # no period added to a title-like line
    assert out[2] == ""
    assert "*" not in out[3] and "Xyzzyplo" in out[3]
    assert engine.last_unknown[3] == ["*Xyzzyplo"]
    assert engine.last_unknown[0] == []


@needs_apertium
def test_apertium_escapes_text_but_passes_span_markup():
    engine = apertium.ApertiumEngine()
    out = engine.translate_batch(['El 3 & 4 de <mayo> con <span id="s0">centros de datos</span> buenos.'])[0]
    assert out.startswith("The 3 & 4 May")  # escaped on the way in, unescaped on the way out
    assert '<span id="s0">' in out and "</span>" in out


def test_strip_marks_keeps_hashtags_present_in_source():
    text, marks = apertium.strip_marks("The #IA debate with *Fulanito", "El debate #IA con Fulanito")
    assert text == "The #IA debate with Fulanito"
    assert marks == ["*Fulanito"]


def test_argos_finds_the_test_package_and_its_input_limit(argos_packages_dir):
    pkgs = argos.installed_packages()
    assert [p.code for p in pkgs] == ["translate-es_en-tatoeba"]
    assert pkgs[0].is_test_model
    limit = argos.model_input_limit(pkgs[0].path / "model")
    assert limit == 256  # the model's position table; one position goes to </s>
    engine = argos.ArgosEngine(pkgs[0], device="cpu")
    assert engine.max_input_tokens == 255
    assert "TEST MODEL" in engine.version


def test_argos_translates_a_batch(argos_packages_dir):
    engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu")
    out = engine.translate_batch(["Tengo dos amigos extranjeros.", "¿Dónde está la estación?", ""])
    assert out[0] == "I have two foreign friends."
    assert "station" in out[1].lower()
    assert len(out) == 3


def test_argos_over_limit_input_is_truncated_by_ctranslate2_not_crashing(argos_packages_dir):
    engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu")
    long = " ".join(["El perro come pan con su amigo"] * 60)
    assert engine.count_tokens(long) > engine.max_input_tokens
    assert engine.translate_batch([long])[0]


def test_select_engine_auto_prefers_apertium_over_the_test_model(argos_packages_dir):
    choice = select_engine("auto", device="cpu")
    if apertium.available():
        assert choice.engine.name == "apertium" and choice.warning is None
    else:
        assert choice.engine.name == "argos" and "test model" in choice.warning.lower()


def test_select_engine_argos_warns_about_the_test_model(argos_packages_dir):
    choice = select_engine("argos", device="cpu")
    assert choice.engine.name == "argos"
    assert "TEST MODEL" in choice.warning


def test_device_cuda_without_a_usable_gpu_is_a_clear_error():
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA GPU is visible here")
    with pytest.raises(EngineError, match="--device cuda: no CUDA GPU"):
        argos.resolve_device("cuda")
    assert argos.resolve_device("auto") == ("cpu", None)


def test_unknown_engine_name_is_an_error():
    with pytest.raises(EngineError, match="unknown engine"):
        select_engine("deepl")


@needs_apertium
def test_apertium_does_not_capitalise_after_an_unknown_first_word():
    out = apertium.ApertiumEngine().translate_batch(["Altman reconoció que la demanda crece."])[0]
    assert out.startswith("Altman recognized")


@needs_apertium
def test_apertium_mixed_batch_plain_and_marked_lines_stay_aligned():
    engine = apertium.ApertiumEngine()
    texts = ["Tengo dos amigos.", 'Los <span id="s0">centros de datos</span> crecen.', "El perro & el gato <3.",
             "Hola Xyzzyplo."]
    out = engine.translate_batch(texts)
    assert out[0] == "I have two friends." or "friends" in out[0]
    assert '<span id="s0">' in out[1] and "grow" in out[1]
    assert "&" in out[2] and "<3" in out[2]  # plain-text mode: no escaping needed, none undone
    assert out[3].endswith("Xyzzyplo.") and engine.last_unknown[3] == ["*Xyzzyplo"]


def test_stream_format_escapes_text_and_turns_spans_into_word_bound_blanks():
    text = 'El 3 & <4> [x] a/b c\\d @e {f} ^g $h <span id="s0">muy <span id="s1">centros</span> de</span> datos.'
    assert apertium.to_stream(text) == (
        r"El 3 & \<4\> \[x\] a\/b c\\d \@e \{f\} \^g \$h "
        "[[t:span:s0]]muy [[t:span:s1]]centros[[/]] de[[/]] datos.")


def test_stream_output_words_carrying_the_same_span_become_one_span_again():
    # what the pipeline answered for the line above's nested spans (per word, as
    # apertium-wblank-attach/-detach leave them)
    line = ("Hello [[t:span:s0]]Very[[/]] [[t:span:s0; t:span:s1]]centers[[/]] [[t:span:s0]]of[[/]] "
            r"[[t:span:s0]]data[[/]] well \[x\] a\/b.[][<es2en 1>]")
    assert apertium.from_stream(line) == (
        'Hello <span id="s0">Very <span id="s1">centers</span> of data</span> well [x] a/b.<es2en 1>')


@needs_apertium
def test_apertium_span_moves_with_its_word_when_transfer_reorders():
    """"los ataques de la OTAN" becomes "the NATO attacks" in some contexts: the
    span is attached to the word (a word-bound blank), so it is never left empty."""
    engine = apertium.ApertiumEngine()
    try:
        texts = ['La única justificación fue que los ataques de la <span id="s0">OTAN</span> no los dirigía un general.',
                 'En comparación con el <span id="s0">trimestre</span> anterior, creció un <span id="s1">2</span>.']
        out = engine.translate_batch(texts)
    finally:
        engine.close()
    assert '<span id="s0">NATO</span>' in out[0]
    assert '<span id="s0">quarter</span>' in out[1] and '<span id="s1">2</span>' in out[1]


@needs_apertium
def test_apertium_translates_each_segment_as_if_alone():
    """A segment's English does not depend on the lines around it in its batch (a
    title without a full stop before it, say): batched output equals one-by-one."""
    from conftest import NEWSTEST_ES

    lines = [l for l in NEWSTEST_ES.read_text(encoding="utf-8").splitlines() if l][:400]
    lines[10:10] = ["Reacciones", "Los tipos suben, las bolsas flaquean"]
    engine = apertium.ApertiumEngine()
    try:
        batched = engine.translate_batch(lines)
        alone = [engine.translate_batch([line])[0] for line in lines]
    finally:
        engine.close()
    assert batched == alone


@needs_apertium
def test_apertium_batches_from_several_threads_come_back_to_their_callers():
    """One running pipeline takes records from several threads at once; each caller
    gets the answer to its own batch."""
    from concurrent.futures import ThreadPoolExecutor

    batches = [[f"Tengo {n} perros.", "La casa es grande."] if n % 2 else [f"El gato come {n} peces."]
               for n in range(12)]
    engine = apertium.ApertiumEngine(jobs=1)
    try:
        expected = [engine.translate_batch(b) for b in batches]
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(engine.translate_batch, batches))
    finally:
        engine.close()
    assert got == expected
    assert all(str(n) in " ".join(out) for n, out in enumerate(got))


@needs_apertium
def test_null_flush_fallback_is_the_wblank_mode_pipeline_without_its_word_bound_blank_stages():
    """Where apertium-wblank-mode is missing, -z is added to every stage of the mode
    file: the same stages and options apertium-wblank-mode writes, less its two
    word-bound-blank stages."""
    mode = next(m for m in apertium.DEFAULT_MODES if (apertium.MODES_DIR / f"{m}.mode").exists())
    ours = apertium.null_flush((apertium.MODES_DIR / f"{mode}.mode").read_text(encoding="utf-8")).split(" | ")
    theirs = [s for s in apertium.pipeline_script(mode).split(" | ") if not s.startswith("apertium-wblank-")]
    assert [" ".join(s.split()) for s in ours] == [" ".join(s.split()) for s in theirs]
