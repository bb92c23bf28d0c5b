from pathlib import Path

import pytest

from livebrief.errors import ConfigError
from livebrief.settings import BY_NAME, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "livebrief.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_layers_file_then_env_then_flags(tmp_path):
    path = write(tmp_path, "[fetch]\nrate_limit = 2.5\nretries = 7\n")
    settings = load_settings(path, environ={"LIVEBRIEF_FETCH_RETRIES": "4"},
                             overrides={"dedup.threshold": 0.9})
    assert settings["fetch.rate_limit"] == 2.5
    assert settings.origins["fetch.rate_limit"] == str(path)
    assert settings["fetch.retries"] == 4
    assert settings.origins["fetch.retries"] == "LIVEBRIEF_FETCH_RETRIES"
    assert settings["dedup.threshold"] == 0.9
    assert settings["fetch.max_redirects"] == BY_NAME["fetch.max_redirects"].default


def test_unknown_key_is_rejected_with_the_valid_ones(tmp_path):
    path = write(tmp_path, "[fetch]\nrate_limt = 2\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path, environ={})
    assert "fetch.rate_limt" in str(err.value)
    assert "fetch.rate_limit" in str(err.value)


@pytest.mark.parametrize("env, value", [
    ({"LIVEBRIEF_FETCH_RESPECT_ROBOTS": "no"}, False),
    ({"LIVEBRIEF_FETCH_RESPECT_ROBOTS": "1"}, True),
])
def test_booleans_from_environment(env, value):
    assert load_settings(None, environ=env)["fetch.respect_robots"] is value


def test_bad_value_type_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="expects int"):
        load_settings(write(tmp_path, "[fetch]\nretries = 'many'\n"), environ={})


def test_topics_are_read_and_checked(tmp_path):
    good = write(tmp_path, '[[topics]]\nname = "ukraine"\ninclude = ["Ukraine", "Kyiv"]\n')
    assert load_settings(good, environ={}).topics[0]["include"] == ["Ukraine", "Kyiv"]
    bad = write(tmp_path, '[[topics]]\nname = "x"\ninclde = ["a"]\n')
    with pytest.raises(ConfigError, match="unknown keys"):
        load_settings(bad, environ={})


def test_missing_explicit_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", environ={})
