// Validates a batch of UBL 2.1 Invoice/CreditNote files against Peppol BIS Billing 3.0 in ONE Java process:
// the OASIS UBL 2.1 XSD (JAXP), then the CEN EN 16931 and the Peppol schematrons (their compiled XSLT, run by
// Saxon-HE's s9api). Each stylesheet is compiled once per batch; compiling the CEN one alone costs seconds.
//
// usage: java -cp Saxon-HE.jar PeppolValidator.java ARTEFACTS_DIR FILE.xml...
// prints one tab-separated line per finding:  file, set (XSD|CEN|PEPPOL), flag (fatal|warning|...), id, text
// and finally "#done<TAB>N" with the number of files validated. Exit 0 when the batch ran (findings or not),
// 2 when a tool or artefact failed; the caller decides what a finding means.
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public final class PeppolValidator {
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PeppolValidator ARTEFACTS_DIR FILE.xml...");
            System.exit(2);
        }
        Path artefacts = Path.of(args[0]);
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema invoiceXsd = schemas.newSchema(artefacts.resolve("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd").toFile());
        Schema creditNoteXsd = schemas.newSchema(artefacts.resolve("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd").toFile());

        Processor saxon = new Processor(false);
        XsltExecutable cen = saxon.newXsltCompiler().compile(new StreamSource(artefacts.resolve("xslt/CEN-EN16931-UBL.xslt").toFile()));
        XsltExecutable peppol = saxon.newXsltCompiler().compile(new StreamSource(artefacts.resolve("xslt/PEPPOL-EN16931-UBL.xslt").toFile()));
        XPathCompiler xpath = saxon.newXPathCompiler();
        xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
        DocumentBuilder parser = saxon.newDocumentBuilder();

        int count = 0;
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            count++;
            XdmNode document;
            try {
                document = parser.build(new File(file));
            } catch (Exception e) {
                print(file, "XSD", "fatal", "not-well-formed", e.getMessage());
                continue;
            }
            XdmNode root = (XdmNode) xpath.evaluateSingle("/*", document);
            String namespace = root.getNodeName().getNamespaceURI();
            Schema xsd = INVOICE.equals(namespace) ? invoiceXsd : CREDIT_NOTE.equals(namespace) ? creditNoteXsd : null;
            if (xsd == null) {
                print(file, "XSD", "fatal", "not-ubl", "root element {" + namespace + "}" + root.getNodeName().getLocalName() + " is not a UBL 2.1 Invoice or CreditNote");
                continue;
            }
            validateXsd(file, xsd);
            report(file, "CEN", cen, document, xpath);
            report(file, "PEPPOL", peppol, document, xpath);
        }
        System.out.println("#done\t" + count);
    }

    private static void validateXsd(String file, Schema xsd) throws Exception {
        Validator validator = xsd.newValidator();
        List<String[]> findings = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) { findings.add(new String[] {"warning", describe(e)}); }
            public void error(SAXParseException e) { findings.add(new String[] {"fatal", describe(e)}); }
            public void fatalError(SAXParseException e) { findings.add(new String[] {"fatal", describe(e)}); }
        });
        try {
            validator.validate(new StreamSource(new File(file)));
        } catch (SAXParseException e) {
            // Already reported through the error handler.
        }
        for (String[] f : findings) {
            print(file, "XSD", f[0], "XSD", f[1]);
        }
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ": " + e.getMessage();
    }

    private static void report(String file, String set, XsltExecutable stylesheet, XdmNode document, XPathCompiler xpath) throws Exception {
        XsltTransformer transformer = stylesheet.load();
        transformer.setInitialContextNode(document);
        XdmDestination svrl = new XdmDestination();
        transformer.setDestination(svrl);
        transformer.transform();
        XPathSelector failed = xpath.compile("//svrl:failed-assert").load();
        failed.setContextItem(svrl.getXdmNode());
        for (XdmItem item : failed) {
            XdmNode assertion = (XdmNode) item;
            String flag = xpath.evaluateSingle("string(@flag)", assertion).getStringValue();
            String id = xpath.evaluateSingle("string(@id)", assertion).getStringValue();
            String text = xpath.evaluateSingle("normalize-space(string(svrl:text))", assertion).getStringValue();
            print(file, set, flag.isEmpty() ? "(no flag)" : flag, id, text);
        }
    }

    private static void print(String file, String set, String flag, String id, String text) {
        System.out.println(String.join("\t", file, set, flag, id, String.valueOf(text).replaceAll("[\\t\\r\\n]+", " ")));
    }
}
