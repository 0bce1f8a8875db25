import pytest

from tests.conftest import SEEDS


@pytest.fixture
def open_window(qtbot, tmp_path, ruler_pipeline_path):
    """open_window(project=None, pipeline=ruler): a real MainWindow on a project holding
    the sample corpus, shown, with entity analysis finished."""
    from workbench.qt.main_window import DEFAULT_SIZE, MainWindow
    from workbench.services.importing import import_paths
    from workbench.services.projects import open_session
    from workbench.services.settings import Settings

    def make(project=None, pipeline=str(ruler_pipeline_path), extra_files=()):
        session, _ = open_session(project or tmp_path / "project.wbproj")
        if session.store.article_count() == 0:
            import_paths(session.store, [SEEDS, *extra_files])
        window = MainWindow(session, Settings(pipeline=pipeline))
        qtbot.addWidget(window)
        window.resize(DEFAULT_SIZE)  # the same on any test screen (offscreen's is 800×600)
        window.show()
        with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
            window.start_analysis()
        return window

    return make
