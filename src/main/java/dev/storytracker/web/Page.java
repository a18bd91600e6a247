package dev.storytracker.web;

import java.util.List;

/** One page of a longer list: the items, how many there are in all, and which page of what size this is (from 1). */
public record Page<T>(List<T> items, long total, int page, int size) {
}
