package vn.tonghop.cli;

/** Entry point of {@code tonghop.jar}. */
public final class TonghopMain {

	private TonghopMain() {
	}

	public static void main(String[] args) {
	}

}
