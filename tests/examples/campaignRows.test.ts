import { strict as assert } from "assert";
import { campaignRows, parseCsv } from "../../examples/campaign/rows";

describe("examples/campaign: reading the campaign CSV", () => {
  it("keeps commas, doubled quotes and line breaks inside quoted fields, with CRLF line ends", () => {
    assert.deepEqual(parseCsv('a,"b, c","say ""hi""\nthere"\r\nd,e,f\r\n'), [
      ["a", "b, c", 'say "hi"\nthere'],
      ["d", "e", "f"],
    ]);
  });

  it("reads rows, upper-casing the format and defaulting it to PNG", () => {
    const rows = campaignRows("name,phone,message,format\nstore-1,+86 158 0000 0000,Hello,svg\nstore-2,8615800000000,Hi,\n");
    assert.deepEqual(rows, [
      { name: "store-1", phone: "+86 158 0000 0000", message: "Hello", format: "SVG" },
      { name: "store-2", phone: "8615800000000", message: "Hi", format: "PNG" },
    ]);
  });

  it("reports every bad row at once, naming the row and the fix", () => {
    const csv = "name,phone,message,format\nstore 1,,Hello,GIF\nstore-2,8615800000000,,PNG\nstore-2,8615800000000,Again,PNG\n";
    assert.throws(() => campaignRows(csv, "codes.csv"), (e: Error) => {
      assert.equal(
        e.message,
        [
          "codes.csv, row 1 (store 1): name must be letters, digits and dashes (it names the resource and the image file)",
          "codes.csv, row 1 (store 1): phone is empty",
          'codes.csv, row 1 (store 1): format must be PNG or SVG, got "GIF"',
          "codes.csv, row 2 (store-2): message is empty",
          "codes.csv, row 3 (store-2): name is used by an earlier row",
        ].join("\n"),
      );
      return true;
    });
  });

  it("refuses a file without the expected header or with an open quote", () => {
    assert.throws(() => campaignRows("store,phone\nx,y\n", "codes.csv"), /codes.csv: the first line must be the header "name,phone,message,format"/);
    assert.throws(() => parseCsv('a,"b\n'), /ends inside a quoted field/);
  });
});
