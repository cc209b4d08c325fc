package katas.day25;

/** The kinds of results a search gathers, one answer each (Rob Pike's Google Search example). */
public enum Kind {
    WEB, IMAGE, VIDEO
}
