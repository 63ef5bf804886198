"""Browser tests of the web dashboard (Playwright driving a system Chromium)."""
