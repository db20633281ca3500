using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I13bCloseTheLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Offers_PartnerId",
                table: "Offers");

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Offers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmsMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsMessages_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_PartnerId_ImportKey",
                table: "Offers",
                columns: new[] { "PartnerId", "ImportKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_Code",
                table: "Enrolments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_EnrolmentId",
                table: "SmsMessages",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_Key",
                table: "SmsMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_SentAt_FailedAt_DueAt",
                table: "SmsMessages",
                columns: new[] { "SentAt", "FailedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsMessages");

            migrationBuilder.DropIndex(
                name: "IX_Offers_PartnerId_ImportKey",
                table: "Offers");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_Code",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_PartnerId",
                table: "Offers",
                column: "PartnerId");
        }
    }
}
