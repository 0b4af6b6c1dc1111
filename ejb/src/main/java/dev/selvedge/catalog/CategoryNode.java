package dev.selvedge.catalog;

import java.util.List;

/** A category with its children, for menus and the categories API. */
public record CategoryNode(String path, String slug, String name, List<CategoryNode> children) {}
