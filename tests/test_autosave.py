"""The debounce with a ceiling: saved a pause after the last key, and never later than the ceiling after
the first unsaved key, however long typing goes on."""

from lerend_tui.common.autosave import AT_ONCE, SaveDeadline


def test_a_pause_saves_soon_after_the_last_key():
    deadline = SaveDeadline(pause=0.5, ceiling=0.7)
    assert deadline.changed(10.0) == 0.5
    assert deadline.pending


def saves_while_typing(deadline: SaveDeadline, keys: list[float]) -> list[float]:
    """When the saves start, for keystrokes at `keys`: each key restarts the timer, as the screens do."""
    saves, timer = [], None
    for key in keys:
        if timer is not None and timer <= key:  # the timer fired before this key
            saves.append(timer)
            deadline.taken()
        timer = key + deadline.changed(key)
    return saves


def test_typing_that_never_pauses_is_saved_by_the_ceiling():
    keys = [10.0 + 0.4 * key for key in range(40)]  # a word every 0.4 s for 16 s, never a pause of 0.5 s
    saves = saves_while_typing(SaveDeadline(pause=0.5, ceiling=0.7), keys)
    assert saves
    for key in keys[:-2]:  # every key is in a save that starts at most 0.7 s after it
        assert any(key <= save <= key + 0.7 + 1e-9 for save in saves), key


def test_after_a_save_the_next_key_starts_a_new_wait():
    deadline = SaveDeadline(pause=0.5, ceiling=0.7)
    deadline.changed(10.0)
    deadline.changed(10.6)
    deadline.taken()
    assert not deadline.pending
    assert deadline.changed(11.0) == 0.5
    assert abs(deadline.changed(11.6) - 0.1) < 1e-9


def test_the_ceiling_is_never_shorter_than_the_pause():
    assert SaveDeadline(pause=60.0, ceiling=0.7).changed(0.0) == 60.0


def test_a_change_after_the_ceiling_is_saved_at_once_but_never_with_a_wait_of_zero():
    deadline = SaveDeadline(pause=0.5, ceiling=0.7)
    deadline.changed(10.0)
    assert deadline.changed(10.9) == AT_ONCE  # a timer of 0 s would never fire in Textual
    assert SaveDeadline(pause=0.0, ceiling=0.0).changed(10.0) == AT_ONCE
