package org.infera.core.histfactory.interp;

import java.util.List;
import org.infera.core.cli.InputException;

/** The interpolation codes by name, with the choices each modifier type accepts and pyhf's defaults. */
public final class InterpCodes {
    public static final List<String> NORMSYS = List.of("code0", "code1", "code2", "code4");
    public static final List<String> HISTOSYS = List.of("code0", "code2", "code4p");
    public static final String NORMSYS_DEFAULT = "code4";
    public static final String HISTOSYS_DEFAULT = "code4p";

    private InterpCodes() {}

    public static Interpolation normsys(String name) {
        return lookup(name, NORMSYS, "normsys");
    }

    public static Interpolation histosys(String name) {
        return lookup(name, HISTOSYS, "histosys");
    }

    private static Interpolation lookup(String name, List<String> allowed, String modifier) {
        if (!allowed.contains(name)) {
            throw new InputException("interpolation code '" + name + "' for " + modifier + " is not one of " + allowed);
        }
        return switch (name) {
            case "code0" -> new Code0();
            case "code1" -> new Code1();
            case "code2" -> new Code2();
            case "code4" -> new Code4();
            case "code4p" -> new Code4p();
            default -> throw new IllegalStateException(name);
        };
    }
}
