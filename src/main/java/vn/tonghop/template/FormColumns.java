package vn.tonghop.template;

/** Physical columns of the form for one style. */
record FormColumns(int stt, int label, int labelSpan, int code, int unit, int total, int female) {

	static FormColumns of(FormStyle style) {
		int p = style.paddingColumns();
		int span = style.mergedCells() ? 2 : 1;
		if (style.swapLabelAndCode()) {
			int code = p + 1;
			int label = p + 2;
			int unit = label + span;
			return new FormColumns(p, label, span, code, unit, unit + 1, unit + 2);
		}
		int label = p + 1;
		int code = label + span;
		return new FormColumns(p, label, span, code, code + 1, code + 2, code + 3);
	}

	int last() {
		return this.female;
	}

}
